// Filters of the environment record as a filter bar (a GET form): they land in the URL and work without JavaScript.
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { EXCURSION_KIND_LABEL, EXCURSION_KINDS } from "@/lib/environment/excursion-types";
import { DEFAULT_PERIOD, PERIODS, STATUSES, type PageFilter, type Period, type Status } from "./page-filters";

export function ExcursionFilters({ values, devices }: { values: PageFilter; devices: { deviceId: string; location: string | null }[] }) {
  const active = Boolean(values.device || values.kind || values.status || values.period !== DEFAULT_PERIOD);
  return (
    <FilterBar action="/environment" label="Filter excursions" active={active} className="mt-6 flex flex-wrap items-end gap-3">
      <FilterSelect
        id="env-device"
        name="device"
        label="Device"
        value={values.device}
        options={devices.map((d) => ({ value: d.deviceId, label: d.location ? `${d.deviceId} · ${d.location}` : d.deviceId }))}
      />
      <FilterSelect
        id="env-kind"
        name="kind"
        label="Kind"
        value={values.kind}
        options={EXCURSION_KINDS.map((k) => ({ value: k, label: EXCURSION_KIND_LABEL[k] }))}
      />
      <FilterSelect
        id="env-period"
        name="period"
        label="Period"
        value={values.period}
        any={false}
        options={(Object.keys(PERIODS) as Period[]).map((p) => ({ value: p, label: PERIODS[p].label }))}
      />
      <FilterSelect
        id="env-status"
        name="status"
        label="Status"
        value={values.status}
        options={(Object.keys(STATUSES) as Status[]).map((s) => ({ value: s, label: STATUSES[s] }))}
      />
    </FilterBar>
  );
}
