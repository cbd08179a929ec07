// A filter bar: a plain GET form whose fields land in the URL (bookmarkable, works without JavaScript),
// with its Filter button and, while a filter is set, a link back to the unfiltered page.
import Link from "next/link";
import type { ReactNode } from "react";
import { Field } from "./field";
import { Select, type SelectOption } from "./select";

type Props = {
  /** The page's own path: the form's target and the "clear" link. */
  action: string;
  label: string;
  /** Whether any filter is set (shows the clear link). */
  active: boolean;
  clearLabel?: string;
  className?: string;
  children: ReactNode;
};

export function FilterBar({
  action,
  label,
  active,
  clearLabel = "Clear filters",
  className = "mt-4 flex flex-wrap items-end gap-3",
  children,
}: Props) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className={className}>
      {children}
      <button type="submit" className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-canvas hover:brightness-110">
        Filter
      </button>
      {active && (
        <Link href={action} className="py-1.5 text-sm text-accent hover:underline">
          {clearLabel}
        </Link>
      )}
    </form>
  );
}

/** One select of a filter bar, with "Any" (the empty value) first unless `any` is false. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  any = true,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly SelectOption[];
  any?: boolean;
}) {
  return (
    <Field id={id} label={label}>
      <Select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        options={options}
        placeholder={any ? "Any" : undefined}
        look="filter"
        className="mt-1"
      />
    </Field>
  );
}
