// The browser bench's data: a fresh PostgreSQL database beside BENCH_DATABASE_URL, migrated, with one ward
// of 64 beds, a patient in each, a bedside monitor per patient (created with createDevice, which gives its
// secret), a nurse of that ward, an administrator and bed 1's patient (a portal account), each with a password, and 8 h of one-per-minute vitals and NEWS2 per patient
// (batched unnest inserts straight into observations, NEWS2 under the platform's device id as the live
// NEWS2 writer stores it). Dropped by destroy().
import "server-only";
import crypto from "node:crypto";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createScratchPostgresDatabase } from "@/bench/support/scratch-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { closeDatabase, setDatabase } from "@/lib/db/database";
import { createDevice } from "@/lib/devices/manage-devices";
import { NEWS2_DEVICE_ID } from "@/lib/domain/metrics";
import { createUser } from "@/lib/users/manage-users";

export type UiBenchDevice = { id: string; secret: string; patientId: string; bed: string };
export type UiBenchAccount = { email: string; password: string };

export type UiFixture = {
  url: string;
  wardId: string;
  devices: UiBenchDevice[];
  nurse: UiBenchAccount;
  /** For the time-to-first-byte pass over the admin pages and the patient portal. */
  admin: UiBenchAccount;
  patient: UiBenchAccount;
  historyRows: number;
  destroy(): Promise<void>;
};

const HISTORY_MINUTES = 8 * 60;

/** A patient's vitals at minute m: smooth, plausible, different per patient (NEWS2 0-3). */
export function historyVitals(patient: number, m: number): Record<string, number> {
  const w = Math.sin((m + patient * 37) / 45);
  const v = Math.cos((m + patient * 11) / 70);
  return {
    heart_rate: Math.round(78 + 12 * w + (patient % 7)),
    resp_rate: Math.round(16 + 3 * v),
    spo2: Math.round(96 + 2 * v),
    temp: Math.round((36.9 + 0.4 * w) * 10) / 10,
    bp_sys: Math.round(122 + 14 * v),
    bp_dia: Math.round(76 + 8 * w),
  };
}

function news2Of(x: Record<string, number>): number {
  let s = 0;
  if (x.heart_rate! > 90) s += 1;
  if (x.resp_rate! > 20) s += 2;
  if (x.spo2! < 96) s += 1;
  if (x.temp! > 38) s += 1;
  return s;
}

async function insertHistory(db: Database, devices: UiBenchDevice[], now: number): Promise<number> {
  let total = 0;
  for (const [i, d] of devices.entries()) {
    const patientIds: string[] = [],
      deviceIds: string[] = [],
      codes: string[] = [],
      values: number[] = [],
      tss: string[] = [],
      seqs: string[] = [];
    for (let m = 0; m < HISTORY_MINUTES; m++) {
      const at = now - (HISTORY_MINUTES - m) * 60_000;
      const ts = new Date(at).toISOString();
      const vitals = historyVitals(i, m);
      for (const [code, value] of [...Object.entries(vitals), ["news2", news2Of(vitals)] as const]) {
        patientIds.push(d.patientId);
        deviceIds.push(code === "news2" ? NEWS2_DEVICE_ID : d.id);
        codes.push(code);
        values.push(value);
        tss.push(ts);
        seqs.push(String(Math.floor(at / 1000)));
      }
    }
    await db.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::timestamptz[], $6::bigint[])`,
      [patientIds, deviceIds, codes, values, tss, seqs],
    );
    total += codes.length;
  }
  return total;
}

export async function createUiFixture(beds = 64): Promise<UiFixture> {
  const { url, drop } = await createScratchPostgresDatabase("iomt_bench_ui");
  try {
    const db = await openDatabase({ url });
    await migrateDatabase(db.sql);
    setDatabase(db);
    const wardId = "bench-ui-ward";
    await db.sql.query(`INSERT INTO wards (id, code, name) VALUES ($1, 'BENCH', 'Bench ward (64 beds)')`, [wardId]);
    const labels = Array.from({ length: beds }, (_, i) => String(i + 1));
    const bedIds = labels.map((l) => `bench-ui-bed-${l}`);
    const patientIds = labels.map((l) => `bench-ui-pat-${l}`);
    await db.sql.query(`INSERT INTO beds (id, ward_id, label) SELECT b, $1, l FROM unnest($2::text[], $3::text[]) AS t(b, l)`, [
      wardId,
      bedIds,
      labels,
    ]);
    await db.sql.query(
      `INSERT INTO patients (id, mrn, given_name, family_name, birth_date, bed_id)
       SELECT p, 'BENCH-' || l, 'Patient', 'Bench ' || l, DATE '1950-01-01', b FROM unnest($1::text[], $2::text[], $3::text[]) AS t(p, l, b)`,
      [patientIds, labels, bedIds],
    );
    const devices: UiBenchDevice[] = [];
    for (const [i, patientId] of patientIds.entries()) {
      const d = await createDevice({ type: "bedside_monitor", patientId, id: `bench-ui-mon-${i + 1}` });
      devices.push({ id: d.id, secret: d.secret, patientId, bed: labels[i]! });
    }
    const nurse = { email: "bench.nurse@example.org", password: crypto.randomBytes(12).toString("base64url") };
    await createUser({ ...nurse, role: "nurse", name: "Bench Nurse", wards: ["BENCH"] });
    const admin = { email: "bench.admin@example.org", password: crypto.randomBytes(12).toString("base64url") };
    await createUser({ ...admin, role: "admin", name: "Bench Admin", wards: [] });
    const patient = { email: "bench.patient@example.org", password: crypto.randomBytes(12).toString("base64url") };
    await createUser({ ...patient, role: "patient", name: "Bench Patient", wards: [], patientId: patientIds[0]! });
    const historyRows = await insertHistory(db, devices, Date.now());
    await closeDatabase();
    return { url, wardId, devices, nurse, admin, patient, historyRows, destroy: drop };
  } catch (err) {
    await closeDatabase().catch(() => undefined);
    await drop();
    throw err;
  }
}
