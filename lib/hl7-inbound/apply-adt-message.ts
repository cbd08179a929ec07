// lib/hl7-inbound owns the HL7 v2 ADT feed from a PAS: the MLLP listener (HL7_PORT), the inbound log with
// each message's outcome, idempotency on MSH-10, and applying each message through the same ADT services
// the browser, the API and the CLI use (lib/encounters, lib/patients/write-patient).
// This file: one parsed message → the ADT change it asks for, or a refusal located at its HL7 field.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import type { AdtMessage, Hl7ErrorCode, Hl7FieldError } from "@/lib/adt";
import { upsertPatientByMrn } from "@/lib/patients/write-patient";
import { admitPatient } from "@/lib/encounters/admit-patient";
import { transferPatient } from "@/lib/encounters/transfer-patient";
import { dischargePatient } from "@/lib/encounters/discharge-patient";
import { cancelAdmission, cancelDischarge } from "@/lib/encounters/correct-encounter";
import type { AdtActor } from "@/lib/encounters/encounter-context";

const HL7: AdtActor = { kind: "system", source: "hl7" };

export type Applied = { note: string; patientId: string | null; encounterId: string | null };

/** Where a field of the ADT services lives in the message. */
const FIELD_AT: Record<string, { segment: string; field: number }> = {
  mrn: { segment: "PID", field: 3 },
  patientId: { segment: "PID", field: 3 },
  givenName: { segment: "PID", field: 5 },
  familyName: { segment: "PID", field: 5 },
  birthDate: { segment: "PID", field: 7 },
  sex: { segment: "PID", field: 8 },
  bedId: { segment: "PV1", field: 3 },
  encounterId: { segment: "PV1", field: 19 },
  visitNumber: { segment: "PV1", field: 19 },
  disposition: { segment: "PV1", field: 36 },
  admittedAt: { segment: "PV1", field: 44 },
  at: { segment: "EVN", field: 6 },
};

const CODE_OF: Partial<Record<Refusal["kind"], Hl7ErrorCode>> = { not_found: 204, invalid: 102, conflict: 207 };

export function refusalAsHl7Error(r: Refusal): Hl7FieldError {
  const at = FIELD_AT[r.field ?? ""] ?? { segment: "MSH", field: 9 };
  return { ...at, code: CODE_OF[r.kind] ?? 207, reason: r.reason };
}

async function patientOf(m: AdtMessage): Promise<{ id: string; created: boolean }> {
  const prisma = await getPrisma();
  const p = m.patient;
  if (!p.familyName || !p.givenName || !p.birthDate) {
    const existing = await prisma.patient.findUnique({ where: { mrn: p.mrn }, select: { id: true } });
    if (!existing) throw new Refusal("not_found", `no patient with MRN ${p.mrn}`, { field: "mrn" });
    return { id: existing.id, created: false };
  }
  return upsertPatientByMrn(prisma, { mrn: p.mrn, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, sex: p.sex });
}

/** The encounter a message names: PV1-19 (visit number), else the patient's open (or, for A13, last) encounter. */
async function encounterOf(m: AdtMessage, patientId: string, status: "admitted" | "discharged"): Promise<string> {
  const prisma = await getPrisma();
  if (m.visit.visitNumber) {
    const e = await prisma.encounter.findUnique({ where: { visitNumber: m.visit.visitNumber }, select: { id: true, patientId: true } });
    if (!e) throw new Refusal("not_found", `no encounter with visit number ${m.visit.visitNumber}`, { field: "visitNumber" });
    if (e.patientId !== patientId)
      throw new Refusal("invalid", `visit ${m.visit.visitNumber} belongs to another patient`, { field: "visitNumber" });
    return e.id;
  }
  const e = await prisma.encounter.findFirst({ where: { patientId, status }, orderBy: { admittedAt: "desc" }, select: { id: true } });
  if (!e) throw new Refusal("not_found", `the patient has no ${status} encounter`, { field: "visitNumber" });
  return e.id;
}

function bedOf(m: AdtMessage): string {
  const loc = m.visit.location;
  if (!loc?.bedLabel) throw new Refusal("invalid", "a bed (ward^room^bed) is required", { field: "bedId" });
  return `${loc.wardCode}/${loc.bedLabel}`;
}

/** Applies one ADT message; throws a Refusal (→ AE) when the hospital's state does not allow it. */
export async function applyAdtMessage(m: AdtMessage): Promise<Applied> {
  const patient = await patientOf(m);
  const done = (note: string, encounterId: string | null = null): Applied => ({ note, patientId: patient.id, encounterId });
  switch (m.event) {
    case "A04":
      return done(patient.created ? "patient registered" : "patient registration updated");
    case "A08":
      return done("patient information updated");
    case "A01": {
      const e = await admitPatient(HL7, {
        patientId: patient.id,
        bedId: bedOf(m),
        admittedAt: m.admitAt ?? m.eventAt,
        patientClass: m.visit.patientClass ?? "I",
        ...(m.visit.visitNumber ? { visitNumber: m.visit.visitNumber } : {}),
      });
      return done(`admitted to ${e.bed?.wardCode}/${e.bed?.label}${e.readmissionOfId ? " (readmission)" : ""}`, e.id);
    }
    case "A02": {
      const id = await encounterOf(m, patient.id, "admitted");
      const e = await transferPatient(HL7, id, { bedId: bedOf(m), at: m.eventAt });
      return done(`transferred to ${e.bed?.wardCode}/${e.bed?.label}`, id);
    }
    case "A03": {
      const id = await encounterOf(m, patient.id, "admitted");
      if (!m.dischargeDisposition) throw new Refusal("invalid", "the discharge disposition is required", { field: "disposition" });
      await dischargePatient(HL7, id, { disposition: m.dischargeDisposition, at: m.dischargeAt ?? m.eventAt });
      return done(`discharged (${m.dischargeDisposition})`, id);
    }
    case "A11": {
      const id = await encounterOf(m, patient.id, "admitted");
      await cancelAdmission(HL7, id, m.eventAt);
      return done("admission cancelled", id);
    }
    case "A13": {
      const id = await encounterOf(m, patient.id, "discharged");
      await cancelDischarge(HL7, id, m.eventAt);
      return done("discharge cancelled", id);
    }
  }
}
