// A small hospital for the AI tests: wards 4E and ICU, a 4E patient whose data carries one identifier of
// every Safe Harbor kind (names, MRN, birth date, phone, fax, e-mail, SSN, account, licence, vehicle,
// device ids and serials, URL, IP, address, zip, dates, other ids), 12 h of vitals, NEWS2 and CGM, an
// acknowledged alert, an ICU patient with an alert, a pump with an equipment alarm, and the users.
import crypto from "node:crypto";
import type { TestDatabase } from "./test-database";
import { createUserWithToken } from "./principals";
import { seedPromptVault } from "@/lib/ai/vault/seed-vault";
import { seedPrices } from "@/lib/ai/budgets/price-store";
import { loadPrincipal } from "@/lib/auth/load-principal";
import type { Principal } from "@/lib/auth/principal";

/** Free text with one identifier of each kind, as a careless note could hold it. */
export const IDENTIFIER_NOTE =
  "Maria Lopez (MRN DEMO-100001, SSN 123-45-6789) desaturated on mon-4e-01 serial no. SN-4471-XK at 2026-11-23 17:45; " +
  "paged Dr. Wei Chen at (617) 555-0199, Fax: +1 (617) 555-0188, e-mail maria.lopez@example.com; " +
  "Member ID W123456789; driver's license D1234567; licence plate ABC 1234; lives at 42 Elm Street, postal code 02139; " +
  "gateway 10.20.30.40, chart https://ehr.example.org/p/100001, order ORD-2026-004512";

/** What must never appear in an outbound request body. */
export const RAW_IDENTIFIERS = [
  "Maria",
  "Lopez",
  "DEMO-100001",
  "123-45-6789",
  "mon-4e-01",
  "SN-4471-XK",
  "2026-11-23",
  "17:45",
  "Wei",
  "Chen",
  "555-0199",
  "555-0188",
  "maria.lopez@example.com",
  "W123456789",
  "D1234567",
  "ABC 1234",
  "Elm Street",
  "02139",
  "10.20.30.40",
  "ehr.example.org",
  "ORD-2026-004512",
  "Anna",
  "Berg",
  "1934",
];

export type AiFixture = {
  ward4e: string;
  wardIcu: string;
  patient4e: string;
  patientIcu: string;
  alert4e: string;
  alertIcu: string;
  pumpAlert: string;
  /** nurse4e is 4E's standing charge nurse; nurse4eStaff is a 4E nurse without that duty. */
  users: Record<"admin" | "admin2" | "nurse4e" | "nurse4eStaff" | "nurseIcu" | "biomed", { principal: Principal; token: string }>;
};

async function user(db: TestDatabase, role: "admin" | "nurse" | "biomed", wardIds: string[] = [], name?: string) {
  const { user: u, token } = await createUserWithToken(db.prisma, role, { wardIds });
  if (name) await db.prisma.user.update({ where: { id: u.id }, data: { name } });
  const principal = await loadPrincipal(u.id, "token");
  if (!principal) throw new Error("no principal");
  return { principal, token };
}

export async function createAiFixture(db: TestDatabase): Promise<AiFixture> {
  await seedPromptVault();
  await seedPrices();
  const tag = crypto.randomBytes(3).toString("hex");
  const ward4e = (await db.prisma.ward.create({ data: { code: `4E-${tag}`, name: "Ward 4E" } })).id;
  const wardIcu = (await db.prisma.ward.create({ data: { code: `ICU-${tag}`, name: "ICU" } })).id;
  const bed4e = await db.prisma.bed.create({ data: { wardId: ward4e, label: "3" } });
  const bedIcu = await db.prisma.bed.create({ data: { wardId: wardIcu, label: "2" } });
  const patient4e = (
    await db.prisma.patient.create({
      data: { mrn: "DEMO-100001", givenName: "Maria Elena", familyName: "Lopez", birthDate: new Date("1934-03-14"), bedId: bed4e.id },
    })
  ).id;
  const patientIcu = (
    await db.prisma.patient.create({
      data: { mrn: `ICU-${tag}`, givenName: "Jon", familyName: "Icu", birthDate: new Date("1960-01-01"), bedId: bedIcu.id },
    })
  ).id;
  await db.sql.query(
    `INSERT INTO devices (id, type, secret_hash, patient_id, asset_tag) VALUES ('mon-4e-01', 'bedside_monitor', 'x', $1, 'SN-4471-XK'),
       ('mon-icu-02', 'bedside_monitor', 'x', $2, NULL)`,
    [patient4e, patientIcu],
  );
  await db.sql.query(
    `INSERT INTO devices (id, type, secret_hash, bed_id, asset_tag, firmware_version) VALUES ('pump-0002', 'infusion_pump', 'x', $1, 'PUMP-0002', '1.4.2')`,
    [bed4e.id],
  );
  // 12 h of vitals every 10 min, NEWS2 and glucose, for both patients.
  for (const [pid, dev] of [
    [patient4e, "mon-4e-01"],
    [patientIcu, "mon-icu-02"],
  ] as const) {
    await db.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
       SELECT $1, $2, c.code, c.v + (g % 4), now() - g * interval '10 minutes', g
         FROM generate_series(1, 72) g
        CROSS JOIN (VALUES ('heart_rate', 104), ('spo2', 91), ('resp_rate', 22), ('temp', 37.9), ('bp_sys', 108)) AS c(code, v)`,
      [pid, dev],
    );
    await db.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
       SELECT $1, 'platform:news2', 'news2', 3 + (g % 3), now() - g * interval '30 minutes', g FROM generate_series(1, 24) g`,
      [pid],
    );
    await db.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
       SELECT $1, 'cgm-x', 'glucose', 60 + (g * 7 % 150), now() - g * interval '15 minutes', g FROM generate_series(1, 48) g`,
      [pid],
    );
  }
  await db.sql.query(
    `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
     SELECT NULL, 'pump-0002', 'vibration', 0.2 + g * 0.01, now() - g * interval '30 minutes', g FROM generate_series(1, 24) g`,
  );
  const nurseName = "Anna Berg";
  const users = {
    admin: await user(db, "admin", [], "Admin One"),
    admin2: await user(db, "admin", [], "Admin Two"),
    nurse4e: await user(db, "nurse", [ward4e], nurseName),
    nurse4eStaff: await user(db, "nurse", [ward4e], "Sam Staff"),
    nurseIcu: await user(db, "nurse", [wardIcu], "Ian Icu"),
    biomed: await user(db, "biomed", [], "Bo Med"),
  };
  await db.sql.query(`UPDATE user_wards SET duty = 'charge' WHERE user_id = $1 AND ward_id = $2`, [users.nurse4e.principal.userId, ward4e]);
  const alert = async (
    patientId: string | null,
    wardId: string,
    rule: string,
    message: string,
    deviceId: string | null,
    ackBy?: string,
  ) => {
    const id = crypto.randomUUID();
    await db.sql.query(
      `INSERT INTO alerts (id, open_key, rule, priority, state, patient_id, device_id, ward_id, message, value, raised_at, acknowledged_at, acknowledged_by_id)
       VALUES ($1, $2, $3, 'medium', $4, $5, $6, $7, $8, 88, now() - interval '20 minutes', $9, $10)`,
      [
        id,
        `${rule}:${id}`,
        rule,
        ackBy ? "acknowledged" : "active",
        patientId,
        deviceId,
        wardId,
        message,
        ackBy ? new Date() : null,
        ackBy ?? null,
      ],
    );
    await db.sql.query(`INSERT INTO alert_events (alert_id, at, type, detail) VALUES ($1, now() - interval '20 minutes', 'raised', '{}')`, [
      id,
    ]);
    if (ackBy)
      await db.sql.query(`INSERT INTO alert_events (alert_id, at, type, actor_id) VALUES ($1, now(), 'acknowledged', $2)`, [id, ackBy]);
    return id;
  };
  const alert4e = await alert(
    patient4e,
    ward4e,
    "spo2.low",
    `SpO₂ low: 88 %. ${IDENTIFIER_NOTE}`,
    "mon-4e-01",
    users.nurse4e.principal.userId,
  );
  const alertIcu = await alert(patientIcu, wardIcu, "spo2.low", "SpO₂ low: 88 %", "mon-icu-02");
  const pumpAlert = await alert(null, ward4e, "device.maintenance", "Pump pump-0002 vibration rising: service before failure", "pump-0002");
  return { ward4e, wardIcu, patient4e, patientIcu, alert4e, alertIcu, pumpAlert, users };
}
