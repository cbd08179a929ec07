"use client";
// The "where is this device used" fields shared by the provision form and the assign dialog:
// a bed (WARD/label), an asset tag, a location, or (admins only) a patient.
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type AssignOptions = { beds: { id: string; ref: string }[]; patients: { id: string; label: string }[] };
export type AssignKind = "none" | "bed" | "asset" | "location" | "patient";
export type AssignValue = { kind: AssignKind; value: string };

const KIND_LABEL: Record<AssignKind, string> = {
  none: "Not assigned",
  bed: "Bed",
  asset: "Asset tag",
  location: "Location",
  patient: "Patient",
};

export function AssignFields({
  idPrefix,
  options,
  allowNone,
  value,
  onChange,
}: {
  idPrefix: string;
  options: AssignOptions;
  allowNone: boolean;
  value: AssignValue;
  onChange: (v: AssignValue) => void;
}) {
  const bedList = `${idPrefix}-beds`;
  const kinds: AssignKind[] = [
    ...(allowNone ? ["none" as const] : []),
    "bed",
    "asset",
    "location",
    ...(options.patients.length ? ["patient" as const] : []),
  ];
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id={`${idPrefix}-kind`} label="Assign to">
        <Select
          id={`${idPrefix}-kind`}
          value={value.kind}
          onChange={(e) => onChange({ kind: e.target.value as AssignKind, value: "" })}
          options={kinds.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          className="mt-1"
        />
      </Field>
      {value.kind === "bed" && (
        <Field id={`${idPrefix}-bed`} label="Bed (ward/label)" className="w-48">
          <Input
            id={`${idPrefix}-bed`}
            list={bedList}
            value={value.value}
            onChange={(e) => onChange({ kind: "bed", value: e.target.value })}
            placeholder="e.g. 4E/3"
            required
            className="mt-1"
          />
          <datalist id={bedList}>
            {options.beds.map((b) => (
              <option key={b.id} value={b.ref} />
            ))}
          </datalist>
        </Field>
      )}
      {value.kind === "asset" && (
        <Field id={`${idPrefix}-asset`} label="Asset tag" className="w-48">
          <Input
            id={`${idPrefix}-asset`}
            value={value.value}
            maxLength={64}
            onChange={(e) => onChange({ kind: "asset", value: e.target.value })}
            placeholder="e.g. PUMP-0042"
            required
            className="mt-1 font-mono"
          />
        </Field>
      )}
      {value.kind === "location" && (
        <Field id={`${idPrefix}-location`} label="Location" className="w-64">
          <Input
            id={`${idPrefix}-location`}
            value={value.value}
            maxLength={120}
            onChange={(e) => onChange({ kind: "location", value: e.target.value })}
            placeholder="e.g. Biomed workshop"
            required
            className="mt-1"
          />
        </Field>
      )}
      {value.kind === "patient" && (
        <Field id={`${idPrefix}-patient`} label="Patient" className="w-80">
          <Select
            id={`${idPrefix}-patient`}
            value={value.value}
            onChange={(e) => onChange({ kind: "patient", value: e.target.value })}
            required
            options={options.patients.map((p) => ({ value: p.id, label: p.label }))}
            placeholder="Choose a patient…"
            className="mt-1"
          />
        </Field>
      )}
    </div>
  );
}

/** The assignment as the fields of a provision request. */
export function assignmentFields(v: AssignValue): { patientId?: string; bed?: string; assetTag?: string; location?: string } {
  if (v.kind === "patient") return { patientId: v.value };
  if (v.kind === "bed") return { bed: v.value };
  if (v.kind === "asset") return { assetTag: v.value };
  if (v.kind === "location") return { location: v.value };
  return {};
}
