// Limit rules (pure): each limited metric's latest fresh reading against its effective limits. A reading
// beyond a critical limit raises the critical (high-priority) alarm; the plain limit alarm is then left
// as it is (superseded, neither raised nor cleared), so only one new alarm sounds for one excursion.
import { METRICS, formatMetric } from "@/lib/domain/metrics";
import { LIMIT_CODES, limitSpec, type EffectiveLimits, type LimitCode, type LimitKind } from "./alarm-limits";
import { finding, type Finding, type PatientState, type Sample } from "./rule-types";
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

/** One limit's finding. A module function rather than a closure per metric: this runs for every limit
 *  of a patient on each of its frames. */
function limitFinding(
  patient: PatientState,
  code: LimitCode,
  sample: Sample,
  confirmMs: number,
  kind: LimitKind,
  status: Finding["status"],
  limit: number,
  priority: AlertPriority,
): Finding {
  return finding(status, sample.at, confirmMs, {
    rule: ruleAndLabel(code, kind).rule,
    priority,
    message: message(code, kind, sample.v, limit),
    value: sample.v,
    patientId: patient.patientId,
    wardId: patient.wardId,
    deviceId: sample.deviceId,
  });
}

export function evaluateLimitRules(patient: PatientState, limitsFor: (code: LimitCode) => EffectiveLimits, now: number): Finding[] {
  const out: Finding[] = [];
  for (const code of LIMIT_CODES) {
    const sample = patient.latest.get(code);
    const spec = limitSpec(code);
    if (!sample || now - sample.at > spec.maxAgeMs) continue;
    const limits = limitsFor(code);
    const v = sample.v;
    const confirm = spec.confirmMs;
    const criticalLow = limits.criticalLow !== null && v < limits.criticalLow;
    const criticalHigh = limits.criticalHigh !== null && v > limits.criticalHigh;
    if (limits.criticalLow !== null)
      out.push(
        limitFinding(patient, code, sample, confirm, "critical_low", criticalLow ? "violated" : "normal", limits.criticalLow, "high"),
      );
    if (limits.criticalHigh !== null)
      out.push(
        limitFinding(patient, code, sample, confirm, "critical_high", criticalHigh ? "violated" : "normal", limits.criticalHigh, "high"),
      );
    if (limits.low !== null && !criticalLow)
      out.push(limitFinding(patient, code, sample, confirm, "low", v < limits.low ? "violated" : "normal", limits.low, spec.lowPriority));
    if (limits.high !== null && !criticalHigh)
      out.push(
        limitFinding(patient, code, sample, confirm, "high", v > limits.high ? "violated" : "normal", limits.high, spec.highPriority),
      );
  }
  return out;
}
