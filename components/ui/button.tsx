// Buttons of forms, dialogs and table rows. `buttonClass` also styles a link or a submit button that
// needs the same look.
import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

const SIZES = {
  md: "rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60",
  /** Inline in a table cell. */
  xs: "rounded px-2 py-1 text-xs font-medium disabled:opacity-60",
} as const;
const VARIANTS = {
  primary: "bg-accent text-canvas hover:brightness-110",
  /** As primary, without the hover highlight (confirmations inside dialogs). */
  accent: "bg-accent text-canvas",
  secondary: "border border-line-strong text-ink hover:bg-panel-raised",
  outline: "border border-line-strong text-ink",
  /** Something still to do (yellow outline), e.g. "Record action". */
  caution: "border border-alarm-medium text-alarm-medium hover:bg-alarm-medium-bg",
  danger: "bg-alarm-high text-canvas",
  warning: "bg-alarm-medium text-canvas",
  quiet: "text-ink-muted",
  /** Row actions of the admin tables. */
  small: "border border-line-strong px-2 py-1 text-xs text-ink hover:bg-panel-raised",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClass(variant: ButtonVariant, opts: { size?: ButtonSize; className?: string } = {}): string {
  return cn(SIZES[opts.size ?? "md"], VARIANTS[variant], opts.className);
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant = "secondary", size, className, type = "button", ...props }: Props) {
  return <button type={type} className={buttonClass(variant, { size, className })} {...props} />;
}
