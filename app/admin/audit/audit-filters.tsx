// Filter form of the audit log. A plain GET form: filters land in the URL and work without JavaScript.
import Link from "next/link";

export type AuditFilterValues = { patient?: string; actor?: string; action?: string };

const inputClass =
  "mt-1 block w-full rounded border border-line-strong bg-canvas px-3 py-1.5 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none";

const FIELDS = [
  { name: "patient", label: "Patient id", placeholder: "exact id", maxLength: 100 },
  { name: "actor", label: "Actor email", placeholder: "part of an email", maxLength: 254 },
  { name: "action", label: "Action", placeholder: "e.g. patient.view", maxLength: 100 },
] as const;

export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const active = Boolean(values.patient || values.actor || values.action);
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter audit events" className="mt-4 flex flex-wrap items-end gap-3">
      {FIELDS.map((f) => (
        <div key={f.name} className="w-64">
          <label htmlFor={`audit-${f.name}`} className="block text-sm font-medium">
            {f.label}
          </label>
          <input
            id={`audit-${f.name}`}
            name={f.name}
            defaultValue={values[f.name] ?? ""}
            placeholder={f.placeholder}
            maxLength={f.maxLength}
            autoComplete="off"
            className={inputClass}
          />
        </div>
      ))}
      <button type="submit" className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-canvas hover:brightness-110">
        Filter
      </button>
      {active && (
        <Link href="/admin/audit" className="py-1.5 text-sm text-accent hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
