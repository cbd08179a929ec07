// Filters of the environment record as a plain GET form: they land in the URL and work without JavaScript.
import Link from "next/link";
import { EXCURSION_KIND_LABEL, EXCURSION_KINDS } from "@/lib/environment/excursion-types";
import { DEFAULT_PERIOD, PERIODS, STATUSES, type PageFilter, type Period, type Status } from "./page-filters";

const selectClass = "mt-1 block rounded border border-line-strong bg-canvas px-2 py-1.5 text-sm text-ink focus:border-accent focus:outline-none";

function Select({ name, label, value, options, any = true }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[]; any?: boolean }) {
  return (
    <div>
      <label htmlFor={`env-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`env-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        {any && <option value="">Any</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ExcursionFilters({ values, devices }: { values: PageFilter; devices: { deviceId: string; location: string | null }[] }) {
  const active = Boolean(values.device || values.kind || values.status || values.period !== DEFAULT_PERIOD);
  return (
    <form method="get" action="/environment" role="search" aria-label="Filter excursions" className="mt-6 flex flex-wrap items-end gap-3">
      <Select
        name="device"
        label="Device"
        value={values.device}
        options={devices.map((d) => ({ value: d.deviceId, label: d.location ? `${d.deviceId} · ${d.location}` : d.deviceId }))}
      />
      <Select name="kind" label="Kind" value={values.kind} options={EXCURSION_KINDS.map((k) => ({ value: k, label: EXCURSION_KIND_LABEL[k] }))} />
      <Select
        name="period"
        label="Period"
        value={values.period}
        any={false}
        options={(Object.keys(PERIODS) as Period[]).map((p) => ({ value: p, label: PERIODS[p].label }))}
      />
      <Select name="status" label="Status" value={values.status} options={(Object.keys(STATUSES) as Status[]).map((s) => ({ value: s, label: STATUSES[s] }))} />
      <button type="submit" className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-canvas hover:brightness-110">
        Filter
      </button>
      {active && (
        <Link href="/environment" className="py-1.5 text-sm text-accent hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
