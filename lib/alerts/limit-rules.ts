// Limit rules (pure): each limited metric's latest fresh reading against its effective limits. A reading
// beyond a critical limit raises the critical (high-priority) alarm; the plain limit alarm is then left
// as it is (superseded, neither raised nor cleared), so only one new alarm sounds for one excursion.
import { METRICS, formatMetric } from "@/lib/domain/metrics";
import { LIMIT_CODES, limitSpec, type EffectiveLimits, type LimitCode, type LimitKind } from "./alarm-limits";
import { finding, openKeyFor, type Finding, type NormalWanted, type PatientState, type Sample } from "./rule-types";
import type { AlertPriority } from "@/lib/events";

const KIND_WORDING: Record<LimitKind, string> = {
  low: "low",
  high: "high",
  critical_low: "critically low",
  critical_high: "critically high",
};

function ruleAndLabel(code: LimitCode, kind: LimitKind): { rule: string; label: string } {
  const named = limitSpec(code).names?.[kind];
  if (named) return named;
  return { rule: `${code}.${kind}`, label: `${METRICS[code].label} ${KIND_WORDING[kind]}` };
}

function message(code: LimitCode, kind: LimitKind, v: number, limit: number): string {
  const def = METRICS[code];
  const unit = def.display ? ` ${def.display}` : "";
  const side = kind.endsWith("low") ? "below" : "above";
  return `${ruleAndLabel(code, kind).label}: ${formatMetric(code, v)}${unit} (${side} ${limit})`;
}

/** One metric's reading under judgement. */
type LimitCheck = { patient: PatientState; code: LimitCode; sample: Sample; confirmMs: number; wanted: NormalWanted | undefined };

/** Adds one limit's finding (a module function rather than a closure per metric: this runs for every
 *  limit of a patient on each of its frames); a normal one only when `wanted` asks for its key. */
function pushLimit(out: Finding[], c: LimitCheck, kind: LimitKind, violated: boolean, limit: number, priority: AlertPriority): void {
  const rule = ruleAndLabel(c.code, kind).rule;
  if (!violated && c.wanted && !c.wanted(openKeyFor(rule, c.patient.patientId, c.sample.deviceId))) return;
  out.push(
    finding(violated ? "violated" : "normal", c.sample.at, c.confirmMs, {
      rule,
      priority,
      message: message(c.code, kind, c.sample.v, limit),
      value: c.sample.v,
      patientId: c.patient.patientId,
      wardId: c.patient.wardId,
      deviceId: c.sample.deviceId,
    }),
  );
}

export function evaluateLimitRules(
  patient: PatientState,
  limitsFor: (code: LimitCode) => EffectiveLimits,
  now: number,
  wanted?: NormalWanted,
): Finding[] {
  const out: Finding[] = [];
  for (const code of LIMIT_CODES) {
    const sample = patient.latest.get(code);
    const spec = limitSpec(code);
    if (!sample || now - sample.at > spec.maxAgeMs) continue;
    const limits = limitsFor(code);
    const v = sample.v;
    const c: LimitCheck = { patient, code, sample, confirmMs: spec.confirmMs, wanted };
    const criticalLow = limits.criticalLow !== null && v < limits.criticalLow;
    const criticalHigh = limits.criticalHigh !== null && v > limits.criticalHigh;
    if (limits.criticalLow !== null) pushLimit(out, c, "critical_low", criticalLow, limits.criticalLow, "high");
    if (limits.criticalHigh !== null) pushLimit(out, c, "critical_high", criticalHigh, limits.criticalHigh, "high");
    if (limits.low !== null && !criticalLow) pushLimit(out, c, "low", v < limits.low, limits.low, spec.lowPriority);
    if (limits.high !== null && !criticalHigh) pushLimit(out, c, "high", v > limits.high, limits.high, spec.highPriority);
  }
  return out;
}
