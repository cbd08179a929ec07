// What a list says when it has nothing to show ("No devices match these filters.").
import type { ReactNode } from "react";
import { cn } from "./cn";

export function EmptyState({ className = "mt-6", testId, children }: { className?: string; testId?: string; children: ReactNode }) {
  return (
    <p className={cn("text-ink-muted", className)} data-testid={testId}>
      {children}
    </p>
  );
}
