// A data table: bordered, scrolling sideways when narrow, a header row, one row per item, and an empty
// state instead of the table (or under its header) when there are no rows. Rows are the caller's <tr>.
import type { ReactNode, Ref } from "react";
import { cn } from "./cn";

/** A header cell: its text, or {label, className}; `srLabel` names an otherwise empty column (actions). */
export type Column = string | { label: ReactNode; className?: string; srLabel?: string };

type Props<T> = {
  columns: readonly Column[];
  rows: readonly T[];
  row: (item: T, index: number) => ReactNode;
  /** Shown instead of the table when `rows` is empty (under the header with `keepHeader`). */
  empty?: ReactNode;
  keepHeader?: boolean;
  caption?: string;
  className?: string;
  tableClassName?: string;
  headClassName?: string;
  /** Class of every header cell (a column's own className is added). */
  thClassName?: string;
  bodyRef?: Ref<HTMLTableSectionElement>;
};

export function DataTable<T>({
  columns,
  rows,
  row,
  empty,
  keepHeader = false,
  caption,
  className = "mt-4 overflow-x-auto rounded-lg border border-line",
  tableClassName = "w-full text-left text-sm",
  headClassName = "bg-panel text-ink-muted",
  thClassName = "px-3 py-2 font-medium whitespace-nowrap",
  bodyRef,
}: Props<T>) {
  if (rows.length === 0 && empty !== undefined && !keepHeader) return <>{empty}</>;
  return (
    <div className={className}>
      <table className={tableClassName}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className={headClassName}>
          <tr>
            {columns.map((c, i) => {
              const col = typeof c === "string" ? { label: c } : c;
              return (
                <th key={i} scope="col" className={cn(thClassName, col.className)}>
                  {col.srLabel ? <span className="sr-only">{col.srLabel}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef}>{rows.map(row)}</tbody>
      </table>
      {rows.length === 0 && keepHeader && empty}
    </div>
  );
}
