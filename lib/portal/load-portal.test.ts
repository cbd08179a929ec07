// The portal's data through GET /api/v1/me on both databases: a home patient's own readings, split and
// aggregated as the portal shows them; a ward patient's bedside BP never loaded as home BP; another
// patient's data never in it; the read audited; clinicians refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { GET } from "@/app/api/v1/me/route";
import type { PortalView } from "./portal-view";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe.each(testDatabaseKinds)("portal data via GET /api/v1/me on %s", (kind) => {
  let db: TestDatabase;
  let home: { id: string };
  let homeToken: string, otherToken: string, nurseToken: string;
  const now = Date.now();

  const insertObs = async (patientId: string, deviceId: string, rows: [code: string, value: number, ts: number][]) => {
    for (const [i, [code, value, ts]] of rows.entries()) {
      await db.sql.query(`INSERT INTO observations (patient_id, device_id, code, value, ts, seq) VALUES ($1, $2, $3, $4, $5, $6)`, [
        patientId,
        deviceId,
        code,
        value,
        new Date(ts),
        i + 1,
      ]);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    home = await db.prisma.patient.create({
      data: { mrn: "H-T1", givenName: "Home", familyName: "Patient", birthDate: new Date("1980-01-01") },
    });
    const ward = await createWardWithPatients(db.prisma, 1);
    const wardPatient = ward.patients[0]!;
    for (const [id, type, patientId] of [
      ["cgm-t", "cgm", home.id],
      ["bp-t", "bp_cuff", home.id],
      ["inh-t", "smart_inhaler", home.id],
      ["air-t", "home_air_sensor", home.id],
      ["mon-t", "bedside_monitor", wardPatient.id],
    ] as const) {
      await db.sql.query(
        `INSERT INTO devices (id, type, secret_hash, patient_id, battery_level, last_seen_at) VALUES ($1, $2, 'x', $3, 64, $4)`,
        [id, type, patientId, new Date(now - MIN)],
      );
    }
    await insertObs(home.id, "cgm-t", [
      ["glucose", 51, now - 10 * MIN],
      ["glucose", 120, now - 5 * MIN],
      ["glucose", 300, now - 15 * 86_400_000], // older than 14 days: not loaded
    ]);
    await insertObs(home.id, "bp-t", [
      ["bp_sys", 142, now - 2 * HOUR],
      ["bp_dia", 91, now - 2 * HOUR],
      ["heart_rate", 72, now - 2 * HOUR],
    ]);
    await insertObs(home.id, "inh-t", [
      ["controller_puffs", 2, now - 3 * HOUR],
      ["rescue_puffs", 1, now - 4 * HOUR],
    ]);
    await insertObs(home.id, "air-t", [
      ["pollen_index", 8, now - 30 * MIN],
      ["pollen_index", 9.5, now - 60 * MIN],
      ["pm25", 30, now - 30 * MIN],
      ["pm25", 50, now - 60 * MIN],
    ]);
    // The ward patient's bedside monitor BP, and their own glucose from a monitor: neither is home data.
    await insertObs(wardPatient.id, "mon-t", [
      ["bp_sys", 200, now - HOUR],
      ["bp_dia", 125, now - HOUR],
    ]);
    homeToken = (await createUserWithToken(db.prisma, "patient", { patientId: home.id })).token;
    otherToken = (await createUserWithToken(db.prisma, "patient", { patientId: wardPatient.id })).token;
    nurseToken = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id] })).token;
  });
  afterAll(async () => db?.destroy());

  const get = (token: string) =>
    GET(new NextRequest("http://x/api/v1/me", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

  it("answers the home patient's own programs, readings, devices, and audits the read", async () => {
    const res = await get(homeToken);
    expect(res.status).toBe(200);
    const v = (await res.json()) as PortalView;
    expect(v.patient.id).toBe(home.id);
    expect(v.programs).toEqual(["diabetes", "hypertension", "asthma"]);
    expect(v.glucose!.current).toMatchObject({ value: 120, range: "in_range" });
    expect(v.glucose!.days14.readings).toBe(2);
    expect(v.glucose!.urgentLows14).toBe(1);
    expect(v.bp!.readings.map((r) => [r.sys, r.dia, r.pulse, r.crisis, r.aboveTarget])).toEqual([[142, 91, 72, false, true]]);
    expect(v.asthma!.rescueThisWeek).toEqual({ puffs: 1, uses: 1, days: 1 });
    expect(v.asthma!.controllerToday + v.asthma!.days.reduce((a, d) => a + d.controllerDoses, 0)).toBeGreaterThanOrEqual(1);
    // Environment aggregated per day in SQL: the highest pollen index, the mean PM2.5 (both readings may
    // straddle midnight, so check the days together).
    const envDays = v.asthma!.days.filter((d) => d.maxPollen !== null);
    expect(Math.max(...envDays.map((d) => d.maxPollen!))).toBe(9.5);
    if (envDays.length === 1) expect(envDays[0]!.meanPm25).toBe(40);
    expect(v.devices.map((d) => [d.id, d.label, d.batteryLevel])).toEqual([
      ["air-t", "Home air sensor", 64],
      ["bp-t", "Blood pressure cuff", 64],
      ["cgm-t", "Continuous glucose monitor", 64],
      ["inh-t", "Smart inhaler", 64],
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "portal.api_read" } });
    expect(audit.map((a) => a.patientId)).toEqual([home.id]);
  });

  it("gives a ward patient nothing of the home patient, and no home BP from the bedside monitor", async () => {
    const v = (await (await get(otherToken)).json()) as PortalView;
    expect(v.patient.id).not.toBe(home.id);
    expect(v.programs).toEqual([]);
    expect(v.bp).toBeNull();
    expect(JSON.stringify(v)).not.toContain(home.id);
  });

  it("refuses a clinician (the portal is the patient's own)", async () => {
    expect((await get(nurseToken)).status).toBe(403);
  });
});
