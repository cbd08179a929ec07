// Text inputs, text areas and the look every form control shares (see controlClass).
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const FOCUS = "focus:border-accent focus:outline-none";
const LOOKS = {
  /** Forms: a field under its label. */
  field: `block rounded border border-line-strong bg-canvas px-3 py-1.5 text-sm text-ink placeholder:text-ink-faint ${FOCUS}`,
  /** Sign-in and token forms: taller, body-size text. */
  large: `block rounded border border-line-strong bg-canvas px-3 py-2 text-ink placeholder:text-ink-faint ${FOCUS}`,
  /** Filter bars (GET forms). */
  filter: `block rounded border border-line-strong bg-canvas px-2 py-1.5 text-sm text-ink ${FOCUS}`,
  /** A short note typed inline in a table row. */
  note: `block rounded border border-line-strong bg-canvas px-2 py-1 text-sm text-ink placeholder:text-ink-faint ${FOCUS}`,
  /** Inline in a toolbar (the alert queue's filters). */
  toolbar: "rounded border border-line-strong bg-panel px-2 py-1 text-ink",
  /** Inside a dialog. */
  dialog: "rounded border border-line-strong bg-canvas px-2 py-1.5",
  /** A number in a table cell. */
  cell: "rounded border border-line-strong bg-canvas px-2 py-1 text-sm tabular",
} as const;

export type ControlLook = keyof typeof LOOKS;

/** Class of a form control; `width` e.g. "w-full" (the default for field, large and note), "w-64". */
export function controlClass(look: ControlLook = "field", width?: string, className?: string): string {
  const w = width ?? (look === "field" || look === "large" || look === "note" ? "w-full" : undefined);
  return cn(LOOKS[look], w, className);
}

type Look = { look?: ControlLook; width?: string };

export function Input({ look, width, className, ...props }: InputHTMLAttributes<HTMLInputElement> & Look) {
  return <input className={controlClass(look, width, className)} {...props} />;
}

export function Textarea({ look, width, className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & Look) {
  return <textarea className={controlClass(look, width, className)} {...props} />;
}
