// A titled panel of a page: a section named by its heading (h2 with `headingId`), on the raised panel look.
import type { ReactNode } from "react";
import { cn } from "./cn";

export function Panel({
  headingId,
  title,
  className,
  children,
}: {
  headingId: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={cn("rounded-lg border border-line bg-panel p-4", className)}>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
