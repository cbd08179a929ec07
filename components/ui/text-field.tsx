// A labelled form control in one piece: `Field` (label, hint, error) around an Input, a Select or a
// Textarea whose id, aria-invalid and aria-describedby (the error's id) follow the field.
import type { ChangeEvent, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Field } from "./field";
import { Input, Textarea, type ControlLook } from "./input";
import { Select, type SelectOption } from "./select";

type Frame = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  look?: ControlLook;
  width?: string;
  /** Controlled: the value and what to do with a new one. Uncontrolled (a form read as FormData): `name` instead. */
  value?: string;
  onValueChange?: (value: string) => void;
};
type Omitted = "id" | "value" | "defaultChecked" | "onChange" | "children";

/** The control's id and, while the field has an error, aria-invalid and aria-describedby naming it (`${id}-error`). */
export function controlWiring(id: string, error?: string | null) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}

function changeHandler(onValueChange?: (value: string) => void) {
  return onValueChange && ((e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => onValueChange(e.target.value));
}

export type TextFieldProps = Frame & Omit<InputHTMLAttributes<HTMLInputElement>, Omitted>;

export function TextField({ id, label, hint, error, onValueChange, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input {...controlWiring(id, error)} {...input} onChange={changeHandler(onValueChange)} />
    </Field>
  );
}

export type SelectFieldProps = Frame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, Omitted> & { options: readonly SelectOption[]; placeholder?: string };

export function SelectField({ id, label, hint, error, onValueChange, ...select }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Select {...controlWiring(id, error)} {...select} onChange={changeHandler(onValueChange)} />
    </Field>
  );
}

export type TextareaFieldProps = Frame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Omitted>;

export function TextareaField({ id, label, hint, error, onValueChange, ...textarea }: TextareaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Textarea {...controlWiring(id, error)} {...textarea} onChange={changeHandler(onValueChange)} />
    </Field>
  );
}
