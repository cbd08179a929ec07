import { describe, expect, it } from "vitest";
import { scoreNews2 } from "@/lib/domain/news2";
import { checkLimitOverride, effectiveLimits } from "./alarm-limits";
import { ConditionTracker } from "./confirm-conditions";
import { evaluateLimitRules } from "./limit-rules";
import { evaluateNews2Rules } from "./news2-rules";
import { evaluateCgmRules, glucoseSlope } from "./cgm-rules";
import { evaluateTechnicalRules } from "./technical-rules";
import { LimitBook } from "./limit-book";
import type { DeviceState, Finding, PatientState, Sample } from "./rule-types";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");

function patient(values: Record<string, number> = {}, at = T0, spo2Scale: 1 | 2 = 1): PatientState {
  const latest = new Map<string, Sample>(Object.entries(values).map(([k, v]) => [k, { v, at, ts: at, deviceId: "dev-1" }]));
  return { patientId: "pat-1", wardId: "ward-1", info: { spo2Scale, name: "P", bedLabel: "1" }, latest, glucose: [] };
}

const limitsOf = (p: PatientState, book = new LimitBook()) => book.forPatient(p);
const byRule = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.alarm.rule, f.status]));

describe("alarm limits", () => {
  it("uses ward defaults in code, a ward override, then a patient override, per bound", () => {
    expect(effectiveLimits("heart_rate", { spo2Scale: 1 })).toMatchObject({ low: 50, high: 120, criticalLow: 40, criticalHigh: 150 });
    const ward = { low: 45, high: null };
    const patientOverride = { low: null, high: 140 };
    expect(effectiveLimits("heart_rate", { spo2Scale: 1, ward, patient: patientOverride })).toMatchObject({
      low: 45,
      high: 140,
      source: { low: "ward", high: "patient" },
    });
  });

  it("lowers SpO2 limits on NEWS2 scale 2, and a critical limit follows a limit moved past it", () => {
    expect(effectiveLimits("spo2", { spo2Scale: 2 })).toMatchObject({ low: 86, criticalLow: 80 });
    expect(effectiveLimits("spo2", { spo2Scale: 1, patient: { low: 82, high: null } })).toMatchObject({ low: 82, criticalLow: 82 });
  });

  it("refuses impossible overrides", () => {
    expect(checkLimitOverride("spo2", 95, 90)).toMatch(/below the high/);
    expect(checkLimitOverride("spo2", -1, null)).toMatch(/within 0–100/);
    expect(checkLimitOverride("inhaler_puffs", 1, 2)).toMatch(/alarm limits exist for/);
    expect(checkLimitOverride("heart_rate", 45, 130)).toBeNull();
  });
});

describe("limit rules", () => {
  it("raises the limit alarm (medium) below the limit and only the critical one (high) below the critical limit", () => {
    const low = evaluateLimitRules(patient({ spo2: 88 }), limitsOf(patient()), T0);
    expect(byRule(low)).toEqual({ "spo2.desat": "normal", "spo2.low": "violated" });
    expect(low.find((f) => f.alarm.rule === "spo2.low")).toMatchObject({
      key: "spo2.low:pat-1",
      confirmMs: 15_000,
      alarm: { priority: "medium", value: 88 },
    });
    const desat = evaluateLimitRules(patient({ spo2: 83 }), limitsOf(patient()), T0);
    expect(byRule(desat)).toEqual({ "spo2.desat": "violated" }); // the plain limit alarm is superseded, left as it is
    expect(desat[0]!.alarm).toMatchObject({ priority: "high", message: "Desaturation: 83 % (below 85)" });
  });

  it("judges a patient's overrides and gives temperature low priority", () => {
    const p = patient({ heart_rate: 125, temp: 39.4 });
    const book = new LimitBook();
    book.replaceAll([{ scope: "patient:pat-1", code: "heart_rate", low: null, high: 130 }]);
    const f = byRule(evaluateLimitRules(p, limitsOf(p, book), T0));
    expect(f["heart_rate.high"]).toBe("normal");
    expect(evaluateLimitRules(p, limitsOf(p), T0).find((x) => x.alarm.rule === "temp.high")?.alarm.priority).toBe("low");
  });

  it("judges nothing from a stale reading", () => {
    expect(evaluateLimitRules(patient({ spo2: 80 }, T0), limitsOf(patient()), T0 + 61_000)).toEqual([]);
  });

  it("applies the CGM thresholds: urgent low < 54 high, low < 70 medium, high > 250 low", () => {
    const rules = (v: number) => {
      const p = patient({ glucose: v });
      return Object.fromEntries(
        evaluateLimitRules(p, limitsOf(p), T0)
          .filter((f) => f.status === "violated")
          .map((f) => [f.alarm.rule, f.alarm.priority]),
      );
    };
    expect(rules(50)).toEqual({ "glucose.urgent_low": "high" });
    expect(rules(60)).toEqual({ "glucose.low": "medium" });
    expect(rules(260)).toEqual({ "glucose.high": "low" });
    expect(rules(120)).toEqual({});
  });
});

describe("confirmation, no duplicates, latching", () => {
  const spo2At = (v: number, at: number) => evaluateLimitRules(patient({ spo2: v }, at), limitsOf(patient()), at);

  it("raises SpO2 below its limit only after 15 s, once, and clears when it recovers", () => {
    const t = new ConditionTracker();
    const raised: string[] = [];
    const run = (v: number, s: number) =>
      t.apply("patient:pat-1", spo2At(v, T0 + s * 1000)).map((x) => `${x.kind}:${x.finding.alarm.rule}@${s}`);
    for (let s = 0; s < 15; s++) raised.push(...run(88, s));
    expect(raised).toEqual([]);
    raised.push(...run(88, 15));
    expect(raised).toEqual(["raise:spo2.low@15"]);
    for (let s = 16; s < 60; s++) raised.push(...run(88, s)); // a persisting condition never raises twice
    expect(raised).toHaveLength(1);
    raised.push(...run(97, 60));
    expect(raised).toEqual(["raise:spo2.low@15", "clear:spo2.low@60"]);
  });

  it("raises nothing for a one-sample blip, nor for blips that never last the confirmation delay", () => {
    const t = new ConditionTracker();
    const out = [];
    for (let s = 0; s < 120; s++) out.push(...t.apply("patient:pat-1", spo2At(s % 10 === 0 ? 80 : 97, T0 + s * 1000)));
    expect(out).toEqual([]);
  });

  it("forgets a pending condition when its data stops (absence never confirms), but keeps a raised one", () => {
    const t = new ConditionTracker();
    t.apply("patient:pat-1", spo2At(88, T0));
    t.apply("patient:pat-1", []); // evaluation without SpO2 data
    expect(t.stateOf("spo2.low:pat-1")).toBe("idle");
    t.markRaised("spo2.low:pat-1", "patient:pat-1");
    expect(t.apply("patient:pat-1", [])).toEqual([]);
    expect(t.stateOf("spo2.low:pat-1")).toBe("raised");
  });

  it("raises a rule without delay at once, and after a manual resolve only on newer evidence", () => {
    const t = new ConditionTracker();
    const bp = (v: number, at: number) => evaluateLimitRules(patient({ bp_sys: v }, at), limitsOf(patient()), at);
    expect(t.apply("patient:pat-1", bp(85, T0)).map((x) => x.kind)).toEqual(["raise"]);
    t.rearm("bp_sys.low:pat-1", "patient:pat-1", T0 + 5000);
    expect(t.apply("patient:pat-1", bp(85, T0))).toEqual([]); // the same reading again: no new alarm
    expect(t.apply("patient:pat-1", bp(84, T0 + 6000)).map((x) => x.kind)).toEqual(["raise"]);
  });
});

describe("NEWS2 rules", () => {
  const news2 = (input: Parameters<typeof scoreNews2>[0]) => byRule(evaluateNews2Rules(patient(), scoreNews2(input, { spo2Scale: 1 }), T0));
  const base = { resp_rate: 16, spo2: 97, o2_supplement: 0, bp_sys: 120, heart_rate: 70, consciousness: 0, temp: 37 };

  it("judges a complete low score as normal on both rules", () => {
    expect(news2(base)).toEqual({ "news2.high": "normal", "news2.medium": "normal" });
    expect(news2({ ...base, resp_rate: 22, heart_rate: 115 })).toEqual({ "news2.high": "normal", "news2.medium": "normal" }); // 2 + 2 = 4
  });

  it("scores a worked example exactly", () => {
    // resp 22 → 2, SpO2 94 → 1, oxygen → 2 : total 5, no single 3
    expect(news2({ ...base, resp_rate: 22, spo2: 94, o2_supplement: 1 })).toEqual({ "news2.high": "normal", "news2.medium": "violated" });
    // + pulse 115 → 2: total 7 → high; the medium rule is superseded (left as it is)
    expect(news2({ ...base, resp_rate: 22, spo2: 94, o2_supplement: 1, heart_rate: 115 })).toEqual({ "news2.high": "violated" });
  });

  it("raises high for a single parameter scoring 3, even from an incomplete set, and judges nothing else then", () => {
    expect(news2({ ...base, consciousness: 2 })).toEqual({ "news2.high": "violated" });
    expect(news2({ spo2: 90 })).toEqual({ "news2.high": "violated" });
    expect(news2({ spo2: 97 })).toEqual({}); // missing is never 0
  });
});

describe("CGM fast fall", () => {
  const withGlucose = (points: [minute: number, value: number][]) => {
    const p = patient();
    p.glucose = points.map(([m, v]) => ({ v, at: T0 + m * 60_000, ts: T0 + m * 60_000, deviceId: "cgm-1" }));
    return p;
  };

  it("computes the least-squares slope over 15 minutes and needs enough readings", () => {
    expect(
      glucoseSlope(
        withGlucose([
          [0, 150],
          [5, 130],
          [10, 110],
          [15, 90],
        ]).glucose,
      ),
    ).toBeCloseTo(-4, 5);
    expect(
      glucoseSlope(
        withGlucose([
          [0, 150],
          [5, 130],
        ]).glucose,
      ),
    ).toBeNull();
  });

  it("raises a fall steeper than 3 mg/dL/min (medium) and clears only above −2", () => {
    const now = T0 + 15 * 60_000;
    expect(
      evaluateCgmRules(
        withGlucose([
          [0, 150],
          [5, 130],
          [10, 110],
          [15, 90],
        ]),
        now,
      )[0],
    ).toMatchObject({ status: "violated", alarm: { rule: "glucose.fast_fall", priority: "medium" } });
    expect(
      evaluateCgmRules(
        withGlucose([
          [0, 150],
          [5, 138],
          [10, 126],
          [15, 113],
        ]),
        now,
      ),
    ).toEqual([]); // −2.5: hysteresis band
    expect(
      evaluateCgmRules(
        withGlucose([
          [0, 150],
          [5, 145],
          [10, 140],
          [15, 135],
        ]),
        now,
      )[0]?.status,
    ).toBe("normal");
  });
});

describe("technical rules", () => {
  const device = (over: Partial<DeviceState> = {}): DeviceState => ({
    deviceId: "dev-1",
    patientId: "pat-1",
    wardId: "ward-1",
    connectivity: null,
    battery: null,
    artifacts: new Map(),
    ...over,
  });

  it("raises INOP for an offline device, keyed by device", () => {
    const [f] = evaluateTechnicalRules(device({ connectivity: { offline: true, at: T0 } }), T0);
    expect(f).toMatchObject({ key: "tech.offline:dev-1", status: "violated", confirmMs: 0, alarm: { priority: "technical" } });
  });

  it("raises low battery below 15 % and clears it only from 20 %", () => {
    const battery = (v: number) =>
      evaluateTechnicalRules(device({ battery: { v, at: T0, ts: T0, deviceId: "dev-1" } }), T0).map((f) => f.status);
    expect(battery(12)).toEqual(["violated"]);
    expect(battery(17)).toEqual([]);
    expect(battery(20)).toEqual(["normal"]);
  });

  it("asks to check the sensor when readings stay implausible for 10 s", () => {
    const t = new ConditionTracker();
    const art = (at: number, artifact: boolean) =>
      t.apply("patient:pat-1", evaluateTechnicalRules(device({ artifacts: new Map([["heart_rate", { artifact, v: 300, at }]]) }), at));
    expect(art(T0, true)).toEqual([]);
    expect(art(T0 + 5000, true)).toEqual([]);
    const [raised] = art(T0 + 10_000, true);
    expect(raised?.finding.alarm).toMatchObject({
      rule: "tech.artifact.heart_rate",
      priority: "technical",
      message: "Pulse implausible (300): check sensor",
    });
  });
});
