// Two patients with a full record each (devices with identity, readings of every kind, NEWS2, alerts, an
// encounter, consents) in one database: the export of one must never carry the other's data.
import type { TestDatabase } from "./test-database";
import { createWardWithPatients } from "./fixtures";
import { NEWS2_DEVICE_ID } from "@/lib/domain/metrics";

export type RecordFixture = { patientId: string; mrn: string; familyName: string; deviceId: string; alertIds: string[]; message: string };

export async function seedPatientRecord(db: TestDatabase, patientId: string, tag: string, heartRates: number): Promise<RecordFixture> {
  const p = await db.prisma.patient.update({ where: { id: patientId }, data: { familyName: `Fam${tag}`, sex: "F" } });
  const deviceId = `dev-${tag}`;
  await db.sql.query(
    `INSERT INTO devices (id, type, secret_hash, patient_id, model, serial_number, udi)
     VALUES ($1, 'cgm', 'x', $2, 'Dexcom G7', $3, $4)`,
    [deviceId, patientId, `SN-${tag}`, `(01)00386270000385(21)SN-${tag}`],
  );
  await db.sql.query(
    `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
     SELECT $1, $2, 'heart_rate', 60 + i % 40, now() - i * interval '1 second', i FROM generate_series(1, $3::int) i`,
    [patientId, deviceId, heartRates],
  );
  const base = heartRates + 10;
  await db.sql.query(
    `INSERT INTO observations (patient_id, device_id, code, value, ts, seq, artifact) VALUES
       ($1, $2, 'bp_sys', 141, now() - interval '2 hours', $3, false),
       ($1, $2, 'bp_dia', 88, now() - interval '2 hours', $3, false),
       ($1, $2, 'bp_dia', 79, now() - interval '3 hours', $3 + 1, false),
       ($1, $2, 'glucose', 51, now() - interval '1 hour', $3 + 2, false),
       ($1, $2, 'spo2', 95, now() - interval '1 hour', $3 + 3, false),
       ($1, $2, 'consciousness', 0, now() - interval '1 hour', $3 + 4, false),
       ($1, $2, 'heart_rate', 300, now() - interval '5 hours', $3 + 5, true),
       ($1, $4, 'news2', 5, now() - interval '1 hour', $3 + 6, false),
       ($1, $4, 'news2.spo2', 1, now() - interval '1 hour', $3 + 7, false)`,
    [patientId, deviceId, base, NEWS2_DEVICE_ID],
  );
  const alertIds = [`alert-${tag}-1`, `alert-${tag}-2`];
  await db.sql.query(
    `INSERT INTO alerts (id, rule, priority, state, patient_id, device_id, message, value, raised_at, acknowledged_at)
     VALUES ($1, 'glucose.urgent_low', 'high'::"AlertPriority", 'acknowledged'::"AlertState", $3, $4, 'Urgent low glucose', 51,
             now() - interval '1 hour', now() - interval '50 minutes'),
            ($2, 'bp.crisis', 'medium'::"AlertPriority", 'active'::"AlertState", $3, $4, 'BP crisis', 181, now(), NULL)`,
    [alertIds[0], alertIds[1], patientId, deviceId],
  );
  await db.sql.query(
    `INSERT INTO encounters (id, patient_id, ward_id, status, admitted_at, source)
     SELECT $1, $2, b.ward_id, 'admitted', now() - interval '2 days', 'api' FROM patients p JOIN beds b ON b.id = p.bed_id WHERE p.id = $2`,
    [`enc-${tag}`, patientId],
  );
  await db.sql.query(
    `INSERT INTO patient_consents (id, patient_id, purpose, granted, text_version, channel) VALUES ($1, $2, 'research', true, '2026-12-03', 'portal')`,
    [`consent-${tag}`, patientId],
  );
  await db.sql.query(
    `INSERT INTO care_messages (id, patient_id, direction, body, created_at, read_at) VALUES
       ($1, $3, 'patient', $4, now() - interval '1 day', now() - interval '23 hours'),
       ($2, $3, 'care_team', 'Please check your sensor tonight.', now() - interval '20 hours', NULL)`,
    [`msg-${tag}-1`, `msg-${tag}-2`, patientId, `Message from ${tag}`],
  );
  return { patientId, mrn: p.mrn, familyName: p.familyName, deviceId, alertIds, message: `Message from ${tag}` };
}

export async function createTwoPatientRecords(db: TestDatabase, heartRates = 2500) {
  const ward = await createWardWithPatients(db.prisma, 2);
  const a = await seedPatientRecord(db, ward.patients[0]!.id, `a${ward.ward.code}`, heartRates);
  const b = await seedPatientRecord(db, ward.patients[1]!.id, `b${ward.ward.code}`, 30);
  return { ward, a, b };
}
