// The SQL reads behind an export: one patient's record, bounded reads for the small parts (patient,
// encounters, devices) and keyset pages for the parts that grow without bound (readings, alerts), so a
// patient with millions of readings is read PAGE_ROWS rows at a time and never held in memory.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import type { DeviceRow, EncounterRow, ObservationRow, PatientRow } from "./fhir-resources";
import type { AlertRow, CareMessageRow } from "./fhir-rights-resources";

type Q = Pick<Sql, "query">;

export const PAGE_ROWS = 1000;

const ymd = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 10);

export async function readPatient(q: Q, patientId: string): Promise<PatientRow | null> {
  const [r] = await q.query<{
    id: string;
    mrn: string;
    given_name: string;
    family_name: string;
    birth_date: Date | string;
    birth_date_enc: string | null;
    sex: string;
  }>(`SELECT id, mrn, given_name, family_name, birth_date, birth_date_enc, sex FROM patients WHERE id = $1`, [patientId]);
  if (!r) return null;
  return {
    id: r.id,
    mrn: r.mrn,
    givenName: decryptPhi(r.given_name),
    familyName: decryptPhi(r.family_name),
    birthDate: r.birth_date_enc ? decryptPhi(r.birth_date_enc) : ymd(r.birth_date),
    sex: r.sex,
  };
}

export async function readEncounters(q: Q, patientId: string): Promise<EncounterRow[]> {
  const rows = await q.query<{
    id: string;
    ward_name: string | null;
    status: string;
    patient_class: string;
    admitted_at: Date;
    discharged_at: Date | null;
  }>(
    `SELECT e.id, w.name AS ward_name, e.status, e.patient_class, e.admitted_at, e.discharged_at
       FROM encounters e LEFT JOIN wards w ON w.id = e.ward_id WHERE e.patient_id = $1 ORDER BY e.admitted_at, e.id`,
    [patientId],
  );
  return rows.map((r) => ({
    id: r.id,
    patientId,
    wardName: r.ward_name,
    status: r.status,
    patientClass: r.patient_class,
    admittedAt: r.admitted_at,
    dischargedAt: r.discharged_at,
  }));
}

/** The devices paired to the patient now, or at any time (the assignment history). */
export async function readDevices(q: Q, patientId: string): Promise<DeviceRow[]> {
  const rows = await q.query<{
    id: string;
    type: string;
    status: string;
    model: string | null;
    serial_number: string | null;
    udi: string | null;
  }>(
    `SELECT d.id, d.type, d.status::text AS status, d.model, d.serial_number, d.udi FROM devices d
      WHERE d.patient_id = $1
         OR EXISTS (SELECT 1 FROM device_assignment_history h WHERE h.device_id = d.id AND h.patient_id = $1)
      ORDER BY d.id`,
    [patientId],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    model: r.model,
    serialNumber: r.serial_number,
    udi: r.udi,
    patientId,
  }));
}

export type ObservationCursor = { ts: string; id: string } | null;
export type ObservationPage = { rows: (ObservationRow & { artifact: boolean })[]; next: ObservationCursor };

/**
 * One page of a patient's readings of one code, in (ts, id) order after the cursor, on the
 * (patient_id, code, ts) index. A systolic reading carries its diastolic partner (same device and time);
 * a diastolic reading with a systolic partner is left out (it is in the panel). `pairBloodPressure: false`
 * reads each code on its own.
 */
export async function readObservationPage(
  q: Q,
  patientId: string,
  code: string,
  after: ObservationCursor,
  opts: { pairBloodPressure: boolean } = { pairBloodPressure: true },
): Promise<ObservationPage> {
  const pair = opts.pairBloodPressure;
  const partner =
    pair && code === "bp_sys"
      ? `, (SELECT d.value FROM observations d WHERE d.patient_id = o.patient_id AND d.code = 'bp_dia' AND d.device_id = o.device_id AND d.ts = o.ts LIMIT 1) AS diastolic`
      : ", NULL::float8 AS diastolic";
  const alone =
    pair && code === "bp_dia"
      ? `AND NOT EXISTS (SELECT 1 FROM observations s WHERE s.patient_id = o.patient_id AND s.code = 'bp_sys' AND s.device_id = o.device_id AND s.ts = o.ts)`
      : "";
  const params: unknown[] = [patientId, code, PAGE_ROWS];
  let keyset = "";
  if (after) {
    params.push(after.ts, after.id);
    keyset = `AND o.ts >= $4::timestamptz AND (o.ts > $4::timestamptz OR o.id > $5::bigint)`;
  }
  const rows = await q.query<{ id: string; device_id: string; value: number; ts: Date; artifact: boolean; diastolic: number | null }>(
    `SELECT o.id::text AS id, o.device_id, o.value, o.ts, o.artifact${partner}
       FROM observations o
      WHERE o.patient_id = $1 AND o.code = $2 ${keyset} ${alone}
      ORDER BY o.ts, o.id LIMIT $3`,
    params,
  );
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => ({
      id: r.id,
      patientId,
      deviceId: r.device_id,
      code,
      value: Number(r.value),
      ts: r.ts,
      artifact: r.artifact,
      ...(pair && code === "bp_sys" ? { diastolic: r.diastolic === null ? null : Number(r.diastolic) } : {}),
    })),
    next: rows.length === PAGE_ROWS && last ? { ts: new Date(last.ts).toISOString(), id: last.id } : null,
  };
}

export type AlertCursor = { at: string; id: string } | null;

/** One page of the patient's alerts, oldest first. */
export async function readAlertPage(q: Q, patientId: string, after: AlertCursor): Promise<{ rows: AlertRow[]; next: AlertCursor }> {
  const params: unknown[] = [patientId, PAGE_ROWS];
  let keyset = "";
  if (after) {
    params.push(after.at, after.id);
    keyset = `AND a.raised_at >= $3::timestamptz AND (a.raised_at > $3::timestamptz OR a.id > $4)`;
  }
  const rows = await q.query<{
    id: string;
    rule: string;
    priority: string;
    state: string;
    message: string;
    value: number | null;
    device_id: string | null;
    raised_at: Date;
    acknowledged_at: Date | null;
    resolved_at: Date | null;
    resolve_reason: string | null;
  }>(
    `SELECT a.id, a.rule, a.priority::text AS priority, a.state::text AS state, a.message, a.value, a.device_id, a.raised_at,
            a.acknowledged_at, a.resolved_at, a.resolve_reason
       FROM alerts a WHERE a.patient_id = $1 ${keyset} ORDER BY a.raised_at, a.id LIMIT $2`,
    params,
  );
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => ({
      id: r.id,
      patientId,
      rule: r.rule,
      priority: r.priority,
      state: r.state,
      message: r.message,
      value: r.value === null ? null : Number(r.value),
      deviceId: r.device_id,
      raisedAt: r.raised_at,
      acknowledgedAt: r.acknowledged_at,
      resolvedAt: r.resolved_at,
      resolveReason: r.resolve_reason,
    })),
    next: rows.length === PAGE_ROWS && last ? { at: new Date(last.raised_at).toISOString(), id: last.id } : null,
  };
}

export type MessageCursor = { at: string; id: string } | null;

/** One page of the patient's messages with the care team, oldest first. */
export async function readMessagePage(
  q: Q,
  patientId: string,
  after: MessageCursor,
): Promise<{ rows: CareMessageRow[]; next: MessageCursor }> {
  const params: unknown[] = [patientId, PAGE_ROWS];
  let keyset = "";
  if (after) {
    params.push(after.at, after.id);
    keyset = `AND m.created_at >= $3::timestamptz AND (m.created_at > $3::timestamptz OR m.id > $4)`;
  }
  const rows = await q.query<{
    id: string;
    direction: string;
    sender_name: string | null;
    body: string;
    created_at: Date;
    read_at: Date | null;
  }>(
    `SELECT m.id, m.direction, u.name AS sender_name, m.body, m.created_at, m.read_at
       FROM care_messages m LEFT JOIN users u ON u.id = m.sender_id
      WHERE m.patient_id = $1 ${keyset} ORDER BY m.created_at, m.id LIMIT $2`,
    params,
  );
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) => ({
      id: r.id,
      patientId,
      direction: r.direction,
      senderName: r.sender_name,
      body: decryptPhi(r.body),
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    next: rows.length === PAGE_ROWS && last ? { at: new Date(last.created_at).toISOString(), id: last.id } : null,
  };
}
