import { describe, expect, it } from "vitest";
import { createPumpModel } from "@/lib/simulator/device-scenarios";
import { AlarmEngine } from "./alarm-engine";
import type { EnvironmentRecord } from "@/lib/environment/excursion-log";
import type { EquipmentInfo } from "./equipment-watch";
import { LimitBook } from "./limit-book";
import type { Finding } from "./rule-types";

const T0 = Date.parse("2026-11-23T06:00:00.000Z");
const MIN = 60_000;
const FRIDGE: EquipmentInfo = {
  deviceId: "env-1",
  type: "env_sensor",
  profile: "vaccine_fridge",
  location: "Pharmacy fridge A",
  wardId: null,
};
const PUMP: EquipmentInfo = { deviceId: "pump-1", type: "infusion_pump", profile: null, location: "PUMP-0001", wardId: "ward-1" };

function setup(known: EquipmentInfo[] = [FRIDGE, PUMP]) {
  let now = T0;
  const raised: Finding[] = [];
  const cleared: Finding[] = [];
  const records: EnvironmentRecord[] = [];
  const lookups = { count: 0 };
  const engine = new AlarmEngine({
    now: () => now,
    news2WindowMs: 15 * MIN,
    limits: new LimitBook(),
    sink: { raise: (f) => raised.push(f), clear: (f) => cleared.push(f) },
    publishNews2: () => undefined,
    storeNews2: () => undefined,
    loadPatientInfo: () => Promise.resolve(null),
    loadEquipmentInfo: (id) => {
      lookups.count++;
      return Promise.resolve(known.find((k) => k.deviceId === id) ?? null);
    },
    recordEnvironment: (r) => records.push(r),
  });
  let seq = 0;
  /** One reading at the current time, processed as the bus would (queued, then drained). */
  const reading = (deviceId: string, values: Record<string, number>) => {
    engine.submitEquipment({ deviceId, frames: [{ seq: ++seq, ts: now, values }] });
    engine.drainQueue();
  };
  const advance = (ms: number) => {
    now += ms;
  };
  return { engine, raised, cleared, records, lookups, reading, advance, now: () => now };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("equipment alarms in the engine", () => {
  it("raises a fridge excursion after 5 min out of range, keyed by the device, and records it with its duration", async () => {
    const s = setup();
    s.engine.equipment.setInfo(FRIDGE);
    const temps = [5, 5, 8.6, 9.1, 9.8, 10.4, 10.9, 11.2, 11.8, 10.1, 7.4, 5.2];
    for (const c of temps) {
      s.reading("env-1", { env_temp: c });
      s.advance(MIN);
    }
    const raise = s.raised.filter((f) => f.alarm.rule === "env.excursion");
    expect(raise).toHaveLength(1);
    expect(raise[0]).toMatchObject({
      key: "env.excursion:env-1",
      alarm: { priority: "medium", patientId: null, deviceId: "env-1", wardId: null },
    });
    expect(raise[0]!.alarm.message).toMatch(/^Vaccine fridge \(Pharmacy fridge A\) above 8 °C since 06:02 UTC/);
    expect(s.cleared.map((f) => f.key)).toEqual(["env.excursion:env-1"]);

    const types = s.records.map((r) => r.event.type);
    expect(types[0]).toBe("excursion-started");
    expect(types).toContain("excursion-progress"); // the maximum kept rising after it was reported
    const end = s.records.at(-1)!;
    expect(end.event).toMatchObject({
      type: "excursion-ended",
      excursion: { kind: "high", startT: T0 + 2 * MIN, endT: T0 + 10 * MIN, durationMs: 8 * MIN, maxC: 11.8, ongoing: false },
    });
    expect(end.info).toMatchObject({ deviceId: "env-1", profile: "vaccine_fridge", location: "Pharmacy fridge A" });
    await flush();
  });

  it("raises a logger gap on the clock once the fridge has been silent 30 min, and clears it when readings resume", () => {
    const s = setup();
    s.engine.equipment.setInfo(FRIDGE);
    s.reading("env-1", { env_temp: 4.5 });
    s.advance(30 * MIN);
    s.engine.tick();
    expect(s.raised.some((f) => f.alarm.rule === "tech.logger_gap")).toBe(false);
    s.advance(MIN);
    s.engine.tick();
    const gap = s.raised.filter((f) => f.alarm.rule === "tech.logger_gap");
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ key: "tech.logger_gap:env-1", alarm: { priority: "technical" } });
    expect(s.records.at(-1)?.event).toMatchObject({ type: "data-gap", gap: { startT: T0, endT: null, ongoing: true } });
    s.reading("env-1", { env_temp: 4.6 });
    expect(s.cleared.map((f) => f.key)).toEqual(["tech.logger_gap:env-1"]);
    expect(s.records.at(-1)?.event).toMatchObject({ type: "data-gap", gap: { startT: T0, endT: T0 + 31 * MIN, ongoing: false } });
  });

  it("clears a logger gap opened on the clock when the late upload shows the logger recorded in time", () => {
    const s = setup();
    s.engine.equipment.setInfo(FRIDGE);
    s.reading("env-1", { env_temp: 4.5 });
    s.advance(40 * MIN);
    s.engine.tick();
    expect(s.raised.map((f) => f.key)).toEqual(["tech.logger_gap:env-1"]);
    s.engine.submitEquipment({ deviceId: "env-1", frames: [{ seq: 99, ts: T0 + 10 * MIN, values: { env_temp: 4.6 } }] });
    s.engine.drainQueue();
    expect(s.cleared.map((f) => f.key)).toEqual(["tech.logger_gap:env-1"]);
    expect(s.records.at(-1)?.event).toMatchObject({ type: "data-gap-withdrawn", gap: { startT: T0 } });
  });

  it("holds a new device's readings until its info is loaded, then evaluates them", async () => {
    const s = setup();
    for (const c of [9, 9.5, 10, 10.5, 11, 11.5]) {
      s.reading("env-1", { env_temp: c });
      s.advance(MIN);
    }
    expect(s.raised).toEqual([]);
    await flush();
    expect(s.raised.map((f) => f.key)).toEqual(["env.excursion:env-1"]);
  });

  it("ignores readings of equipment that is neither a pump nor profiled", async () => {
    const s = setup([]);
    s.reading("env-9", { env_temp: 30 });
    await flush();
    expect(s.engine.equipment.watch.has("env-9")).toBe(false);
    expect(s.raised).toEqual([]);
  });

  it("remembers an unwatched device until the registry announces a change to it", async () => {
    const known: EquipmentInfo[] = [];
    const s = setup(known);
    s.reading("env-1", { env_temp: 4 });
    await flush();
    s.advance(10_000);
    s.reading("env-1", { env_temp: 4 });
    await flush();
    expect(s.lookups.count).toBe(1); // not asked again for every reading
    known.push(FRIDGE); // given a profile in the registry
    s.engine.equipment.refresh("env-1");
    s.reading("env-1", { env_temp: 4 });
    await flush();
    expect(s.lookups.count).toBe(2);
    expect(s.engine.equipment.watch.has("env-1")).toBe(true);
  });

  it("flags a wearing pump ahead of its failure, and not a healthy one", () => {
    for (const scenario of ["pump-failing", "pump-healthy"] as const) {
      const s = setup();
      s.engine.equipment.setInfo(PUMP);
      const model = createPumpModel({ seed: 7, scenario });
      const end = model.failureAtMs ?? 20 * 3_600_000;
      let raisedAt: number | null = null;
      for (let t = 0; t < end; t += MIN) {
        s.reading("pump-1", { ...model.sample(t) });
        if (raisedAt === null && s.raised.some((f) => f.alarm.rule === "device.maintenance")) raisedAt = t;
        s.advance(MIN);
      }
      if (scenario === "pump-healthy") {
        expect(raisedAt).toBeNull();
        continue;
      }
      expect(raisedAt).not.toBeNull();
      expect(model.failureAtMs! - raisedAt!).toBeGreaterThan(30 * MIN);
      const f = s.raised.find((x) => x.alarm.rule === "device.maintenance")!;
      expect(f).toMatchObject({ key: "device.maintenance:pump-1", alarm: { priority: "technical", patientId: null, wardId: "ward-1" } });
      expect(f.alarm.message).toMatch(
        /^Pump pump-1 \(PUMP-0001\) drifting from its normal since \d\d:\d\d UTC: .*(vibration|power draw|housing temperature)/,
      );
    }
  });

  it("starts a fresh excursion detector when the profile changes", () => {
    const s = setup();
    s.engine.equipment.setInfo(FRIDGE);
    s.engine.equipment.setInfo({ ...FRIDGE, profile: "vaccine_freezer" });
    for (let i = 0; i < 7; i++) {
      s.reading("env-1", { env_temp: -20 });
      s.advance(MIN);
    }
    expect(s.raised).toEqual([]); // −20 °C is in a freezer's range
  });
});
