// Filters of the registry as a filter bar (a GET form): they land in the URL and work without JavaScript.
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { RegistryFilters } from "@/lib/devices/device-queries";
import type { TypeOption } from "./provision-panel";

const FIRMWARE_OPTIONS = [
  { value: "attention", label: "Needs patching" },
  { value: "outdated", label: "Outdated" },
  { value: "flagged", label: "Flagged" },
  { value: "unknown", label: "No version" },
  { value: "current", label: "Current" },
];

export function DeviceFilters({
  values,
  types,
  wards,
}: {
  values: RegistryFilters;
  types: TypeOption[];
  wards: { code: string; name: string }[];
}) {
  const active = Object.values(values).some(Boolean);
  return (
    <FilterBar action="/admin/devices" label="Filter devices" active={active}>
      <FilterSelect
        id="f-type"
        name="type"
        label="Type"
        value={values.type}
        options={types.map((t) => ({ value: t.key, label: t.label }))}
      />
      <FilterSelect
        id="f-status"
        name="status"
        label="Status"
        value={values.status}
        options={[
          { value: "active", label: "Active" },
          { value: "revoked", label: "Revoked" },
        ]}
      />
      <FilterSelect
        id="f-connectivity"
        name="connectivity"
        label="Connectivity"
        value={values.connectivity}
        options={[
          { value: "online", label: "Online" },
          { value: "offline", label: "Offline" },
          { value: "unknown", label: "Unknown" },
        ]}
      />
      <FilterSelect
        id="f-ward"
        name="ward"
        label="Ward"
        value={values.ward}
        options={wards.map((w) => ({ value: w.code, label: `${w.code} · ${w.name}` }))}
      />
      <FilterSelect id="f-firmware" name="firmware" label="Firmware" value={values.firmware} options={FIRMWARE_OPTIONS} />
      <Field id="f-q" label="Search" className="w-48">
        <Input
          id="f-q"
          name="q"
          defaultValue={values.q ?? ""}
          placeholder="id, asset tag, location"
          maxLength={100}
          look="filter"
          width="w-full"
          className="mt-1"
        />
      </Field>
    </FilterBar>
  );
}
