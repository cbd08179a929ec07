import { describe, expect, it } from "vitest";
import type { MetricValues, VitalsEvent } from "@/lib/events";
import { AlarmEngine } from "./alarm-engine";
import { chartedNews2 } from "./charted-news2";
import { LimitBook } from "./limit-book";
import type { StoredNews2 } from "./live-news2";

const NOW = Date.parse("2026-12-03T14:00:00.000Z");
const MIN = 60_000;
const WINDOW = 15 * MIN;
const SICK = { resp_rate: 22, spo2: 93, o2_supplement: 0, bp_sys: 105, heart_rate: 112, consciousness: 0, temp: 38.4 };
const ev = (ts: number, values: MetricValues, artifacts?: VitalsEvent["artifacts"]): VitalsEvent => ({
  deviceId: "mon-1",
  patientId: "pat-1",
  wardId: "w",
  seq: 1,
  ts,
  values,
  ...(artifacts ? { artifacts } : {}),
});

describe("chartedNews2", () => {
  it("scores a late, complete set of observations as of its own time", () => {
    // resp 22 → 2, SpO2 93 → 2, SBP 105 → 1, pulse 112 → 2, temp 38.4 → 1
    expect(chartedNews2(ev(NOW - 3 * 60 * MIN, SICK), 1, NOW, WINDOW)).toEqual({
      patientId: "pat-1",
      at: NOW - 3 * 60 * MIN,
      total: 8,
      components: { resp_rate: 2, spo2: 2, o2_supplement: 0, bp_sys: 1, heart_rate: 2, consciousness: 0, temp: 1 },
    });
  });

  it("leaves alone a frame live NEWS2 may still use, an incomplete set, an artifact, or an unknown SpO2 scale", () => {
    expect(chartedNews2(ev(NOW - 5 * MIN, SICK), 1, NOW, WINDOW)).toBeNull();
    const { temp: _temp, ...noTemp } = SICK;
    expect(chartedNews2(ev(NOW - 60 * MIN, noTemp), 1, NOW, WINDOW)).toBeNull();
    expect(chartedNews2(ev(NOW - 60 * MIN, SICK, ["spo2"]), 1, NOW, WINDOW)).toBeNull();
    expect(chartedNews2(ev(NOW - 60 * MIN, SICK), null, NOW, WINDOW)).toBeNull();
  });

  it("is stored by the engine for an uploaded history without publishing it or replacing the live score", () => {
    const stored: StoredNews2[] = [];
    const published: unknown[] = [];
    const engine = new AlarmEngine({
      now: () => NOW,
      news2WindowMs: WINDOW,
      limits: new LimitBook(),
      sink: { raise: () => undefined, clear: () => undefined },
      publishNews2: (e) => published.push(e),
      storeNews2: (s) => stored.push(s),
      loadPatientInfo: () => Promise.resolve(null),
      loadEquipmentInfo: () => Promise.resolve(null),
      recordEnvironment: () => undefined,
    });
    engine.setPatientInfo("pat-1", { wardId: "w", spo2Scale: 1, name: "P", bedLabel: "1" });
    engine.submitVitals(ev(NOW, { ...SICK, resp_rate: 16, spo2: 97, bp_sys: 120, heart_rate: 70, temp: 37 }));
    engine.drainQueue();
    expect(stored.map((s) => [s.at, s.total])).toEqual([[NOW, 0]]);
    const before = published.length;
    for (let i = 1; i <= 3; i++) engine.submitVitals(ev(NOW - i * 5 * 60 * MIN, SICK));
    engine.drainQueue();
    expect(stored.map((s) => [s.at, s.total])).toEqual([
      [NOW, 0],
      [NOW - 5 * 60 * MIN, 8],
      [NOW - 10 * 60 * MIN, 8],
      [NOW - 15 * 60 * MIN, 8],
    ]);
    expect(published).toHaveLength(before); // history is not news

    // as ingest publishes a backlog: marked late, it is scored for the trend and changes nothing live
    engine.submitVitals({ ...ev(NOW - 20 * 60 * MIN, SICK), late: true });
    engine.submitVitals({ ...ev(NOW - 25 * 60 * MIN, { heart_rate: 140 }), late: true });
    engine.drainQueue();
    expect(stored.at(-1)).toMatchObject({ at: NOW - 20 * 60 * MIN, total: 8 });
    expect(stored).toHaveLength(5);
    expect(engine.state.patients.get("pat-1")?.latest.get("heart_rate")?.v).toBe(70);
    expect(published).toHaveLength(before);
  });
});
