// Physiological plausibility: values a working sensor can report (they pass the vocabulary's physical
// range) but a live patient cannot have, e.g. a pulse of 350 or an SpO2 of 30 % from a probe that
// slipped off. Such values are stored flagged as artifacts, shown as such, and kept out of scoring and
// alarms. Pure: the one place these rules live.
//
// A low pulse is an artifact only when the same frame carries a usable SpO2: a pulse oximeter reading
// needs pulsatile flow, so "pulse 12, SpO2 97 %" is a counting error. Without SpO2 a very low pulse
// may be a real bradycardia or asystole and must alarm, so it is never flagged.
import type { MetricKey } from "@/lib/domain/metrics";

export type FrameValues = Partial<Record<MetricKey, number>>;

export type PlausibilityRule = {
  /** The keys this rule flags when it fires. */
  flags: readonly MetricKey[];
  why: string;
  fires(v: FrameValues): boolean;
};

const has = (v: FrameValues, k: MetricKey): v is FrameValues & Record<typeof k, number> => typeof v[k] === "number";

export const PLAUSIBILITY_RULES: readonly PlausibilityRule[] = [
  { flags: ["heart_rate"], why: "pulse above 300 /min", fires: (v) => has(v, "heart_rate") && v.heart_rate > 300 },
  {
    flags: ["heart_rate"],
    why: "pulse below 20 /min while the oximeter reads a usable SpO2",
    fires: (v) => has(v, "heart_rate") && has(v, "spo2") && v.heart_rate < 20 && v.spo2 >= 50,
  },
  { flags: ["spo2"], why: "SpO2 below 50 % (probe off or motion)", fires: (v) => has(v, "spo2") && v.spo2 < 50 },
  { flags: ["resp_rate"], why: "respiratory rate above 80 /min", fires: (v) => has(v, "resp_rate") && v.resp_rate > 80 },
  {
    flags: ["temp"],
    why: "body temperature below 25 °C or above 44 °C (probe not on the body)",
    fires: (v) => has(v, "temp") && (v.temp < 25 || v.temp > 44),
  },
  { flags: ["bp_sys"], why: "systolic pressure above 300 mmHg", fires: (v) => has(v, "bp_sys") && v.bp_sys > 300 },
  {
    flags: ["bp_sys", "bp_dia"],
    why: "diastolic pressure not below systolic",
    fires: (v) => has(v, "bp_sys") && has(v, "bp_dia") && v.bp_dia >= v.bp_sys,
  },
];

const NONE: readonly MetricKey[] = Object.freeze([]);

/** The keys of `values` that are implausible artifacts, in rule order without repeats; empty when all are plausible. */
export function findArtifacts(values: FrameValues): readonly MetricKey[] {
  let out: MetricKey[] | null = null;
  for (const rule of PLAUSIBILITY_RULES) {
    if (!rule.fires(values)) continue;
    out ??= [];
    for (const k of rule.flags) if (!out.includes(k)) out.push(k);
  }
  return out ?? NONE;
}

/** Why each artifact key was flagged (for logs and the UI). */
export function explainArtifacts(values: FrameValues): { key: MetricKey; why: string }[] {
  return PLAUSIBILITY_RULES.filter((r) => r.fires(values)).flatMap((r) => r.flags.map((key) => ({ key, why: r.why })));
}
