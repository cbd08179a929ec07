import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createDevice } from "@/lib/devices/manage-devices";
import { listSensorReadings } from "./sensor-readings";

const NOW = Date.now();
const MIN = 60_000;
const who = (role: Principal["role"], wardIds: string[] = []): Principal => ({
  userId: `u-${role}`,
  email: `${role}@t`,
  name: role,
  role,
  patientId: null,
  wardIds,
  via: "session",
});

describe.each(testDatabaseKinds)("environment sensor readings on %s", (kind) => {
  let db: TestDatabase;
  let wardA: string;
  let wardB: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    wardA = (await createWardWithPatients(db.prisma, 1)).ward.id;
    wardB = (await createWardWithPatients(db.prisma, 1)).ward.id;
    await createDevice({ type: "env_sensor", id: "env-a", location: "Fridge A", environmentProfile: "vaccine_fridge" });
    await createDevice({ type: "env_sensor", id: "env-b", location: "Fridge B", environmentProfile: "vaccine_fridge" });
    await createDevice({ type: "env_sensor", id: "env-room", location: "Day room" }); // no profile: not a watched sensor
    await db.prisma.device.update({ where: { id: "env-a" }, data: { wardId: wardA } });
    await db.prisma.device.update({ where: { id: "env-b" }, data: { wardId: wardB } });
    const rows = [];
    for (let i = 0; i <= 21; i++) {
      const ts = new Date(NOW - (25 * 60 - i * 60) * MIN); // 25 h ago … 4 h ago, hourly
      rows.push({ deviceId: "env-a", code: "env_temp", value: 4 + i / 10, ts, seq: BigInt(i + 1) });
    }
    rows.push({ deviceId: "env-a", code: "humidity", value: 41, ts: new Date(NOW - 5 * MIN), seq: 100n });
    rows.push({ deviceId: "env-a", code: "humidity", value: 44, ts: new Date(NOW - 2 * MIN), seq: 101n });
    rows.push({ deviceId: "env-a", code: "battery", value: 90, ts: new Date(NOW - 2 * MIN), seq: 101n });
    rows.push({ deviceId: "env-b", code: "env_temp", value: 9.2, ts: new Date(NOW - MIN), seq: 1n });
    await db.prisma.observation.createMany({ data: rows });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("gives each watched sensor its ward, range, newest humidity and battery, and its last 24 h of temperature in time order", async () => {
    const all = await listSensorReadings(who("biomed"), { now: NOW });
    expect(all.map((s) => s.deviceId)).toEqual(expect.arrayContaining(["env-a", "env-b"]));
    expect(all.map((s) => s.deviceId)).not.toContain("env-room");
    const a = all.find((s) => s.deviceId === "env-a")!;
    expect(a).toMatchObject({
      location: "Fridge A",
      profile: "vaccine_fridge",
      lowC: 2,
      highC: 8,
      humidity: { v: 44 },
      battery: { v: 90 },
    });
    expect(a.temperature).toHaveLength(21); // 24 h ago … 4 h ago: the hour before the window is left out
    expect(a.temperature.every((p, i) => i === 0 || p.t > a.temperature[i - 1]!.t)).toBe(true);
  });

  it("shows a nurse the sensors of her wards only, and refuses a patient", async () => {
    expect((await listSensorReadings(who("nurse", [wardA]), { now: NOW })).map((s) => s.deviceId)).toEqual(["env-a"]);
    expect((await listSensorReadings(who("physician", [wardB]), { now: NOW })).map((s) => s.deviceId)).toEqual(["env-b"]);
    expect(await listSensorReadings(who("nurse", []), { now: NOW })).toEqual([]);
    await expect(listSensorReadings(who("patient"), { now: NOW })).rejects.toThrow(/patients may not see/);
  });
});
