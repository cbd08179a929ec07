import { describe, expect, it } from "vitest";
import { AlarmEngine } from "./alarm-engine";
import { LimitBook } from "./limit-book";
import type { MetricKey } from "@/lib/domain/metrics";
import type { AlertView, MetricValues, News2Event, VitalsEvent } from "@/lib/events";
import type { StoredNews2 } from "./live-news2";
import type { Finding } from "./rule-types";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");
const NORMAL = { resp_rate: 16, spo2: 97, o2_supplement: 0, bp_sys: 120, heart_rate: 70, consciousness: 0, temp: 37 };

function alertView(over: Partial<AlertView>): AlertView {
  return {
    id: "a1",
    rule: "x",
    priority: "medium",
    state: "resolved",
    patientId: null,
    patientName: null,
    bedLabel: null,
    wardId: null,
    deviceId: null,
    message: "",
    value: null,
    conditionActive: true,
    raisedAt: new Date(T0).toISOString(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    resolveReason: null,
    silencedUntil: null,
    silenceReason: null,
    escalationLevel: 0,
    nextEscalationAt: null,
    ...over,
  };
}

function setup(spo2Scale: 1 | 2 = 1) {
  let now = T0;
  const raised: Finding[] = [];
  const cleared: Finding[] = [];
  const published: News2Event[] = [];
  const stored: StoredNews2[] = [];
  const engine = new AlarmEngine({
    now: () => now,
    news2WindowMs: 15 * 60_000,
    limits: new LimitBook(),
    sink: { raise: (f) => raised.push(f), clear: (f) => cleared.push(f) },
    publishNews2: (e) => published.push(e),
    storeNews2: (s) => stored.push(s),
    loadPatientInfo: () => Promise.resolve(null),
    loadEquipmentInfo: () => Promise.resolve(null),
    recordEnvironment: () => undefined,
  });
  engine.setPatientInfo("pat-1", { wardId: "ward-1", spo2Scale, name: "P One", bedLabel: "1" });
  let seq = 0;
  /** One frame at the current time, processed as the bus would (queued, then drained). */
  const frame = (values: MetricValues, artifacts?: MetricKey[]) => {
    const e: VitalsEvent = { deviceId: "mon-1", patientId: "pat-1", wardId: "ward-1", seq: ++seq, ts: now, values, artifacts };
    engine.submitVitals(e);
    engine.drainQueue();
  };
  const advance = (ms: number) => {
    now += ms;
  };
  return { engine, raised, cleared, published, stored, frame, advance };
}

describe("alarm engine (frames → findings → transitions)", () => {
  it("scores NEWS2 live, publishes each change and stores a complete score at most every 5 s", () => {
    const s = setup();
    s.frame({ heart_rate: 70 });
    expect(s.published.at(-1)).toMatchObject({
      total: null,
      missing: ["resp_rate", "spo2", "o2_supplement", "bp_sys", "consciousness", "temp"],
    });
    s.frame(NORMAL);
    expect(s.published.at(-1)).toMatchObject({ patientId: "pat-1", wardId: "ward-1", total: 0, band: "low", missing: [] });
    expect(s.stored).toHaveLength(1);
    s.advance(1000);
    s.frame({ ...NORMAL, heart_rate: 95 }); // pulse 95 → 1
    expect(s.published.at(-1)?.total).toBe(1);
    expect(s.stored).toHaveLength(1); // changed, but within 5 s of the last store
    s.advance(4000);
    s.engine.tick();
    expect(s.stored.at(-1)).toMatchObject({ total: 1, components: { heart_rate: 1, resp_rate: 0 } });
    const count = s.published.length;
    s.frame({ ...NORMAL, heart_rate: 95 });
    expect(s.published).toHaveLength(count); // unchanged: nothing new to publish
  });

  it("shows NEWS2 as missing once a parameter ages out of the window, never as 0", () => {
    const s = setup();
    s.frame(NORMAL);
    s.advance(10 * 60_000);
    s.frame({ heart_rate: 70, spo2: 97, resp_rate: 16 });
    s.advance(6 * 60_000);
    s.engine.tick();
    expect(s.published.at(-1)).toMatchObject({ total: null, band: null, missing: ["o2_supplement", "bp_sys", "consciousness", "temp"] });
  });

  it("keeps artifacts out of NEWS2 and alarms, and asks to check the sensor when they persist", () => {
    const s = setup();
    s.frame(NORMAL);
    for (let i = 0; i < 12; i++) {
      s.advance(1000);
      s.frame({ ...NORMAL, heart_rate: 300 }, ["heart_rate"]);
    }
    expect(s.published.at(-1)?.total).toBe(0);
    expect(s.raised.map((f) => f.alarm.rule)).toEqual(["tech.artifact.heart_rate"]);
  });

  it("raises a desaturation after 15 s of 1 Hz frames, once, and clears it when SpO2 recovers", () => {
    const s = setup();
    s.frame(NORMAL);
    for (let i = 0; i < 30; i++) {
      s.advance(1000);
      s.frame({ spo2: 88, heart_rate: 70, resp_rate: 16 });
    }
    // SpO2 88 on scale 1 scores 3 → NEWS2 high (clock-confirmed) and the SpO2 limit alarm (15 s).
    expect(s.raised.map((f) => f.alarm.rule).sort()).toEqual(["news2.high", "spo2.low"]);
    expect(s.raised.find((f) => f.alarm.rule === "spo2.low")?.alarm).toMatchObject({
      priority: "medium",
      patientId: "pat-1",
      wardId: "ward-1",
      deviceId: "mon-1",
    });
    s.advance(1000);
    s.frame({ spo2: 97, heart_rate: 70, resp_rate: 16 });
    expect(s.cleared.map((f) => f.alarm.rule).sort()).toEqual(["news2.high", "spo2.low"]);
  });

  it("uses the patient's SpO2 scale: 89 % is on target on scale 2", () => {
    const s = setup(2);
    s.frame({ ...NORMAL, spo2: 89 });
    for (let i = 0; i < 30; i++) {
      s.advance(1000);
      s.frame({ spo2: 89 });
    }
    expect(s.published.at(-1)?.total).toBe(0);
    expect(s.raised).toEqual([]);
  });

  it("raises INOP when the device goes offline and clears it when it is back", () => {
    const s = setup();
    s.frame(NORMAL);
    s.engine.submitStatus({ deviceId: "mon-1", patientId: "pat-1", wardId: "ward-1", status: "offline", at: T0 });
    s.engine.drainQueue();
    expect(s.raised.map((f) => f.key)).toEqual(["tech.offline:mon-1"]);
    s.engine.submitStatus({ deviceId: "mon-1", patientId: "pat-1", wardId: "ward-1", status: "online", at: T0 });
    s.engine.drainQueue();
    expect(s.cleared.map((f) => f.key)).toEqual(["tech.offline:mon-1"]);
  });

  it("re-arms a rule resolved by hand: its condition must be confirmed anew", () => {
    const s = setup();
    s.frame(NORMAL);
    for (let i = 0; i < 16; i++) {
      s.advance(1000);
      s.frame({ spo2: 88 });
    }
    s.engine.handleAlertChanged({
      change: "resolved",
      actor: { id: "u1", name: "N" },
      alert: alertView({ rule: "spo2.low", patientId: "pat-1", deviceId: "mon-1" }),
    });
    const before = s.raised.filter((f) => f.alarm.rule === "spo2.low").length;
    for (let i = 0; i < 14; i++) {
      s.advance(1000);
      s.frame({ spo2: 88 });
    }
    expect(s.raised.filter((f) => f.alarm.rule === "spo2.low")).toHaveLength(before);
    for (let i = 0; i < 2; i++) {
      s.advance(1000);
      s.frame({ spo2: 88 });
    }
    expect(s.raised.filter((f) => f.alarm.rule === "spo2.low")).toHaveLength(before + 1);
  });

  it("only queues bus events, then evaluates each patient once per batch", async () => {
    const s = setup();
    const history = Array.from({ length: 50 }, (_, i) => ({ ...NORMAL, heart_rate: 60 + i }));
    history.forEach((values, i) =>
      s.engine.submitVitals({ deviceId: "mon-1", patientId: "pat-1", wardId: "ward-1", seq: i + 1, ts: T0 + i, values }),
    );
    expect(s.published).toEqual([]); // nothing done on the publisher's stack
    await new Promise((r) => setImmediate(r));
    expect(s.published).toHaveLength(1);
    expect(s.published[0]).toMatchObject({ total: 1, components: { heart_rate: 1 } }); // the latest reading, 109/min
  });

  it("never throws into the bus emitter", () => {
    const s = setup();
    const broken = JSON.parse(`{"patientId": "pat-1", "deviceId": "x"}`) as VitalsEvent; // no values
    s.engine.submitVitals(broken);
    expect(() => s.engine.drainQueue()).not.toThrow();
  });
});
