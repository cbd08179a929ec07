"use client";
// The "where is this device used" fields shared by the provision form and the assign dialog:
// a bed (WARD/label), an asset tag, a location, or (admins only) a patient.
import { inputClass } from "./secret-reveal";

export type AssignOptions = { beds: { id: string; ref: string }[]; patients: { id: string; label: string }[] };
export type AssignKind = "none" | "bed" | "asset" | "location" | "patient";
export type AssignValue = { kind: AssignKind; value: string };

export function AssignFields({ idPrefix, options, allowNone, value, onChange }: {
  idPrefix: string;
  options: AssignOptions;
  allowNone: boolean;
  value: AssignValue;
  onChange: (v: AssignValue) => void;
}) {
  const bedList = `${idPrefix}-beds`;
  const kinds: { kind: AssignKind; label: string }[] = [
    ...(allowNone ? [{ kind: "none" as const, label: "Not assigned" }] : []),
    { kind: "bed", label: "Bed" },
    { kind: "asset", label: "Asset tag" },
    { kind: "location", label: "Location" },
    ...(options.patients.length ? [{ kind: "patient" as const, label: "Patient" }] : []),
  ];
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${idPrefix}-kind`} className="block text-sm font-medium">
          Assign to
        </label>
        <select id={`${idPrefix}-kind`} value={value.kind} onChange={(e) => onChange({ kind: e.target.value as AssignKind, value: "" })} className={`mt-1 ${inputClass}`}>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {value.kind === "bed" && (
        <div className="w-48">
          <label htmlFor={`${idPrefix}-bed`} className="block text-sm font-medium">
            Bed (ward/label)
          </label>
          <input id={`${idPrefix}-bed`} list={bedList} value={value.value} onChange={(e) => onChange({ kind: "bed", value: e.target.value })} placeholder="e.g. 4E/3" required className={`mt-1 ${inputClass}`} />
          <datalist id={bedList}>
            {options.beds.map((b) => (
              <option key={b.id} value={b.ref} />
            ))}
          </datalist>
        </div>
      )}
      {value.kind === "asset" && (
        <div className="w-48">
          <label htmlFor={`${idPrefix}-asset`} className="block text-sm font-medium">
            Asset tag
          </label>
          <input id={`${idPrefix}-asset`} value={value.value} maxLength={64} onChange={(e) => onChange({ kind: "asset", value: e.target.value })} placeholder="e.g. PUMP-0042" required className={`mt-1 ${inputClass} font-mono`} />
        </div>
      )}
      {value.kind === "location" && (
        <div className="w-64">
          <label htmlFor={`${idPrefix}-location`} className="block text-sm font-medium">
            Location
          </label>
          <input id={`${idPrefix}-location`} value={value.value} maxLength={120} onChange={(e) => onChange({ kind: "location", value: e.target.value })} placeholder="e.g. Biomed workshop" required className={`mt-1 ${inputClass}`} />
        </div>
      )}
      {value.kind === "patient" && (
        <div className="w-80">
          <label htmlFor={`${idPrefix}-patient`} className="block text-sm font-medium">
            Patient
          </label>
          <select id={`${idPrefix}-patient`} value={value.value} onChange={(e) => onChange({ kind: "patient", value: e.target.value })} required className={`mt-1 ${inputClass}`}>
            <option value="">Choose a patient…</option>
            {options.patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
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
