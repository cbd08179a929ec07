// What an AI call is about (a patient, an alert, a ward, a device), loaded once and checked against the
// signed-in caller's scope with the platform's rules: a 4E nurse asking about an ICU patient is refused
// (403), as anywhere else; outside an admin's view, missing and forbidden look the same.
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import { readBirthDate } from "@/lib/crypto/decrypt-results";
import "server-only";
import { canSeePatient, canSeeWard, type Principal } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import { canSeeAlert } from "@/lib/alerts/alert-queries";
import { loadAlertRow } from "@/lib/alerts/alert-rows";
import type { KnownDevice, KnownPatient } from "@/lib/ai/deidentify/types";
import type { ParameterSubject } from "@/lib/ai/service-types";
import type { Sql } from "@/lib/db/sql";
import { consentInForceSql } from "@/lib/consent/consents";
import type { ResolvedSubject } from "./parameter-types";

/** `aiConsent`: the subject's patient has the ai_processing consent in force (read with the patient, no extra
 *  round trip); true when the subject has no patient. */
export type LoadedSubject = { subject: ResolvedSubject; patient: KnownPatient | null; devices: KnownDevice[]; aiConsent: boolean };

type Q = Pick<Sql, "query">;

function refuse(p: Principal, what: string): never {
  if (p.role === "admin") throw new Refusal("not_found", `${what} not found`);
  throw new Refusal("forbidden", `you may not see this ${what}`);
}

type FoundPatient = { patient: KnownPatient; wardId: string | null; devices: KnownDevice[]; aiConsent: boolean };

async function loadPatient(q: Q, id: string): Promise<FoundPatient | null> {
  const [p] = await q.query<{
    id: string;
    given_name: string;
    family_name: string;
    mrn: string;
    birth_date: Date | string;
    birth_date_enc: string | null;
    ward_id: string | null;
    devices: { id: string; asset_tag: string | null }[] | null;
    ai_consent: boolean;
  }>(
    `SELECT p.id, p.given_name, p.family_name, p.mrn, p.birth_date, p.birth_date_enc, b.ward_id,
            (SELECT json_agg(json_build_object('id', d.id, 'asset_tag', d.asset_tag)) FROM devices d WHERE d.patient_id = p.id) AS devices,
            ${consentInForceSql("p.id", "ai_processing")} AS ai_consent
       FROM patients p LEFT JOIN beds b ON b.id = p.bed_id WHERE p.id = $1`,
    [id],
    { prepared: "ai_load_patient" },
  );
  if (!p) return null;
  // Names and the exact birth date are encrypted at rest: decrypted through lib/crypto, so the
  // de-identification knows what to scrub.
  const birth = readBirthDate(p.birth_date, p.birth_date_enc).toISOString().slice(0, 10);
  return {
    patient: {
      id: p.id,
      givenNames: decryptPhi(p.given_name).split(/\s+/).filter(Boolean),
      familyName: decryptPhi(p.family_name),
      mrn: p.mrn,
      birthDate: birth,
    },
    wardId: p.ward_id,
    devices: (p.devices ?? []).map((d) => ({ id: d.id, aliases: d.asset_tag ? [d.asset_tag] : [] })),
    aiConsent: p.ai_consent,
  };
}

function subjectOf(kind: ParameterSubject, id: string, s: Partial<ResolvedSubject>): ResolvedSubject {
  return { kind, id, patientId: s.patientId ?? null, wardId: s.wardId ?? null, deviceId: s.deviceId ?? null, alertId: s.alertId ?? null };
}

export async function loadSubject(q: Q, p: Principal, kind: ParameterSubject, id: string): Promise<LoadedSubject> {
  if (kind === "patient") {
    const found = await loadPatient(q, id);
    if (!found || !canSeePatient(p, { patientId: id, wardId: found.wardId })) refuse(p, "patient");
    return {
      subject: subjectOf(kind, id, { patientId: id, wardId: found.wardId }),
      patient: found.patient,
      devices: found.devices,
      aiConsent: found.aiConsent,
    };
  }
  if (kind === "alert") {
    const row = await loadAlertRow(q, id);
    if (!row || !canSeeAlert(p, row)) refuse(p, "alert");
    const found = row.patient_id ? await loadPatient(q, row.patient_id) : null;
    return {
      subject: subjectOf(kind, id, {
        alertId: id,
        patientId: row.patient_id,
        wardId: row.current_ward_id ?? row.ward_id,
        deviceId: row.device_id,
      }),
      patient: found?.patient ?? null,
      devices: [...(found?.devices ?? []), ...(row.device_id ? [{ id: row.device_id }] : [])],
      aiConsent: found?.aiConsent ?? true,
    };
  }
  if (kind === "ward") {
    const [w] = await q.query<{ id: string }>(`SELECT id FROM wards WHERE id = $1`, [id]);
    if (!w || !canSeeWard(p, id)) refuse(p, "ward");
    return { subject: subjectOf(kind, id, { wardId: id }), patient: null, devices: [], aiConsent: true };
  }
  const [d] = await q.query<{ id: string; patient_id: string | null; ward_id: string | null; asset_tag: string | null }>(
    `SELECT d.id, d.patient_id, COALESCE(pb.ward_id, db.ward_id) AS ward_id, d.asset_tag
       FROM devices d LEFT JOIN patients pt ON pt.id = d.patient_id LEFT JOIN beds pb ON pb.id = pt.bed_id LEFT JOIN beds db ON db.id = d.bed_id
      WHERE d.id = $1`,
    [id],
  );
  const allowed =
    d &&
    (p.role === "admin" ||
      p.role === "biomed" ||
      (d.patient_id ? canSeePatient(p, { patientId: d.patient_id, wardId: d.ward_id }) : d.ward_id !== null && canSeeWard(p, d.ward_id)));
  if (!d || !allowed) refuse(p, "device");
  return {
    subject: subjectOf(kind, id, { deviceId: id, wardId: d.ward_id }),
    patient: null,
    devices: [{ id: d.id, aliases: d.asset_tag ? [d.asset_tag] : [] }],
    aiConsent: true,
  };
}

/** The same rules on an already loaded subject (every parameter resolution checks again). */
export function subjectInScope(p: Principal, s: ResolvedSubject): boolean {
  if (p.role === "admin") return true;
  if (s.kind === "device" && p.role === "biomed") return true;
  if (s.patientId) return canSeePatient(p, { patientId: s.patientId, wardId: s.wardId });
  if (s.kind === "alert") return p.role === "biomed" || (s.wardId !== null && canSeeWard(p, s.wardId));
  return s.wardId !== null && canSeeWard(p, s.wardId);
}
