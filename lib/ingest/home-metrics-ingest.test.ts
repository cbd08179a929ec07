// Ingest of the home-monitoring vocabulary: a smart inhaler's controller and rescue puffs (and the older
// role-less inhaler_puffs), a home air sensor's PM2.5 and pollen index, with 14-day-old frames accepted
// (they store offline) and clear refusals as for every other metric.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createDevice } from "@/lib/devices/manage-devices";
import { POST } from "@/app/api/v1/devices/[deviceId]/telemetry/route";

const DAY = 86_400_000;

describe.each(testDatabaseKinds)("home metrics ingest on %s", (kind) => {
  let db: TestDatabase;
  let inhaler: { id: string; secret: string };
  let air: { id: string; secret: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const patient = await db.prisma.patient.create({
      data: { mrn: "H-TEST-1", givenName: "Home", familyName: "Patient", birthDate: new Date("1980-01-01") },
    });
    inhaler = await createDevice({ type: "smart_inhaler", patientId: patient.id });
    air = await createDevice({ type: "home_air_sensor", patientId: patient.id });
  });
  afterAll(async () => db?.destroy());

  const post = (device: { id: string; secret: string }, body: unknown) =>
    POST(
      new NextRequest(`http://localhost/api/v1/devices/${device.id}/telemetry`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${device.secret}` },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ deviceId: device.id }) },
    );
  const stored = async (deviceId: string) =>
    db.sql.query<{ code: string; value: number }>(
      `SELECT code, value::float8 AS value FROM observations WHERE device_id=$1 ORDER BY seq, code`,
      [deviceId],
    );

  it("stores controller, rescue and role-less inhaler puffs, 14 days old included", async () => {
    const res = await post(inhaler, [
      { seq: 1, ts: new Date(Date.now() - 14 * DAY).toISOString(), values: { controller_puffs: 2 } },
      { seq: 2, ts: new Date(Date.now() - DAY).toISOString(), values: { rescue_puffs: 1 } },
      { seq: 3, ts: new Date().toISOString(), values: { inhaler_puffs: 2, battery: 80 } },
    ]);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0, artifacts: 0 });
    const rows = await stored(inhaler.id);
    expect(rows.map((r) => [r.code, r.value])).toEqual([
      ["controller_puffs", 2],
      ["rescue_puffs", 1],
      ["battery", 80],
      ["inhaler_puffs", 2],
    ]);
  });

  it("stores a home air sensor's PM2.5 and pollen index", async () => {
    const res = await post(air, {
      seq: 1,
      ts: new Date(Date.now() - 13 * DAY).toISOString(),
      values: { pm25: 41, pollen_index: 9.8, humidity: 55 },
    });
    expect(res.status).toBe(202);
    expect((await stored(air.id)).map((r) => [r.code, r.value])).toEqual([
      ["humidity", 55],
      ["pm25", 41],
      ["pollen_index", 9.8],
    ]);
  });

  it.each([
    [{ rescue_puffs: 1.5 }, "frame.values.rescue_puffs: must be a whole number (got 1.5)"],
    [{ controller_puffs: 60 }, "frame.values.controller_puffs: 60 is above the maximum 50 {puff}"],
    [{ pm25: 3 }, 'frame.values.pm25: a smart_inhaler may not send "pm25"'],
  ])("refuses an inhaler frame %j: %s", async (values, message) => {
    const res = await post(inhaler, { seq: 50, ts: new Date().toISOString(), values });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  it.each([
    [{ pollen_index: 13 }, "frame.values.pollen_index: 13 is above the maximum 12 {index}"],
    [{ pm25: -1 }, "frame.values.pm25: -1 is below the minimum 0 ug/m3"],
    [{ rescue_puffs: 1 }, 'frame.values.rescue_puffs: a home_air_sensor may not send "rescue_puffs"'],
  ])("refuses an air sensor frame %j: %s", async (values, message) => {
    const res = await post(air, { seq: 50, ts: new Date().toISOString(), values });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });
});
