// Filters of the registry as a plain GET form: they land in the URL and work without JavaScript.
import Link from "next/link";
import type { RegistryFilters } from "@/lib/devices/device-queries";
import type { TypeOption } from "./provision-panel";

const selectClass = "mt-1 block rounded border border-line-strong bg-canvas px-2 py-1.5 text-sm text-ink focus:border-accent focus:outline-none";

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DeviceFilters({ values, types, wards }: { values: RegistryFilters; types: TypeOption[]; wards: { code: string; name: string }[] }) {
  const active = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/admin/devices" role="search" aria-label="Filter devices" className="mt-4 flex flex-wrap items-end gap-3">
      <Select name="type" label="Type" value={values.type} options={types.map((t) => ({ value: t.key, label: t.label }))} />
      <Select name="status" label="Status" value={values.status} options={[{ value: "active", label: "Active" }, { value: "revoked", label: "Revoked" }]} />
      <Select
        name="connectivity"
        label="Connectivity"
        value={values.connectivity}
        options={[{ value: "online", label: "Online" }, { value: "offline", label: "Offline" }, { value: "unknown", label: "Unknown" }]}
      />
      <Select name="ward" label="Ward" value={values.ward} options={wards.map((w) => ({ value: w.code, label: `${w.code} · ${w.name}` }))} />
      <Select
        name="firmware"
        label="Firmware"
        value={values.firmware}
        options={[
          { value: "attention", label: "Needs patching" },
          { value: "outdated", label: "Outdated" },
          { value: "flagged", label: "Flagged" },
          { value: "unknown", label: "No version" },
          { value: "current", label: "Current" },
        ]}
      />
      <div className="w-48">
        <label htmlFor="f-q" className="block text-sm font-medium">
          Search
        </label>
        <input id="f-q" name="q" defaultValue={values.q ?? ""} placeholder="id, asset tag, location" maxLength={100} className={`${selectClass} w-full`} />
      </div>
      <button type="submit" className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-canvas hover:brightness-110">
        Filter
      </button>
      {active && (
        <Link href="/admin/devices" className="py-1.5 text-sm text-accent hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
