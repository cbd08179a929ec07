// Filter form of the audit log: a filter bar (GET form), so filters land in the URL and work without JavaScript.
// The action is chosen from the actions present in the trail (a select, not free text to guess).
import { Field } from "@/components/ui/field";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/input";

export type AuditFilterValues = { patient?: string; actor?: string; action?: string };

const TEXT_FIELDS = [
  { name: "patient", label: "Patient (MRN or id)", placeholder: "e.g. MRN100004", maxLength: 100 },
  { name: "actor", label: "Actor email", placeholder: "part of an email", maxLength: 254 },
] as const;

export function AuditFilters({ values, actions }: { values: AuditFilterValues; actions: string[] }) {
  const active = Boolean(values.patient || values.actor || values.action);
  const options = actions.map((a) => ({ value: a, label: a }));
  return (
    <FilterBar action="/admin/audit" label="Filter audit events" active={active}>
      {TEXT_FIELDS.map((f) => (
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
      <FilterSelect id="audit-action" name="action" label="Action" value={values.action} options={options} />
    </FilterBar>
  );
}
