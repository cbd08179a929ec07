// Filter form of the audit log: a filter bar (GET form), so filters land in the URL and work without JavaScript.
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/input";

export type AuditFilterValues = { patient?: string; actor?: string; action?: string };

const FIELDS = [
  { name: "patient", label: "Patient id", placeholder: "exact id", maxLength: 100 },
  { name: "actor", label: "Actor email", placeholder: "part of an email", maxLength: 254 },
  { name: "action", label: "Action", placeholder: "e.g. patient.view", maxLength: 100 },
] as const;

export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const active = Boolean(values.patient || values.actor || values.action);
  return (
    <FilterBar action="/admin/audit" label="Filter audit events" active={active}>
      {FIELDS.map((f) => (
        <Field key={f.name} id={`audit-${f.name}`} label={f.label} className="w-64">
          <Input
            id={`audit-${f.name}`}
            name={f.name}
            defaultValue={values[f.name] ?? ""}
            placeholder={f.placeholder}
            maxLength={f.maxLength}
            autoComplete="off"
            className="mt-1"
          />
        </Field>
      ))}
    </FilterBar>
  );
}
