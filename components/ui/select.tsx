// A select built from an option list, with an optional first empty option ("Any", "Choose a patient…").
import type { SelectHTMLAttributes } from "react";
import { controlClass, type ControlLook } from "./input";

export type SelectOption = { value: string; label: string };

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  options: readonly SelectOption[];
  /** Label of a first option with the empty value; none when undefined. */
  placeholder?: string;
  look?: ControlLook;
  width?: string;
};

export function Select({ options, placeholder, look, width, className, ...props }: Props) {
  return (
    <select className={controlClass(look, width, className)} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
