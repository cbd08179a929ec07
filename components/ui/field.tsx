// A form field: its label (above the control, or beside it in a toolbar), an optional hint and its
// error; and the outcome line of a whole form.
import type { ReactNode } from "react";
import { cn } from "./cn";

export function Label({ htmlFor, className, children }: { htmlFor: string; className?: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className={cn("block text-sm font-medium", className)}>
      {children}
    </label>
  );
}

/** Label above `children` (the control, whose id is `id`), then the hint and the field's error. */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint}
      {error && (
        <FormMessage id={`${id}-error`} size="xs" className="mt-1">
          {error}
        </FormMessage>
      )}
    </div>
  );
}

/** Label beside its control, as in a toolbar; the label element wraps the control. */
export function InlineField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-ink-muted">{label}</span>
      {children}
    </label>
  );
}

export function Hint({ faint = false, className, children }: { faint?: boolean; className?: string; children: ReactNode }) {
  return <p className={cn("mt-1 text-xs", faint ? "text-ink-faint" : "text-ink-muted", className)}>{children}</p>;
}

/** A refusal (role alert, red) or a confirmation (`ok`: role status, green) under a form or a field. */
export function FormMessage({
  ok = false,
  size = "sm",
  id,
  className,
  children,
}: {
  ok?: boolean;
  size?: "sm" | "xs";
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      role={ok ? "status" : "alert"}
      className={cn(size === "xs" ? "text-xs" : "text-sm", ok ? "text-ok" : "text-alarm-high", className)}
    >
      {children}
    </p>
  );
}
