// The pure evaluation core: every rule for one patient and the devices on it, at one moment.
// Returns findings only; confirmation and latching are confirm-conditions.ts.
import type { News2Result } from "@/lib/domain/news2";
import type { EffectiveLimits, LimitCode } from "./alarm-limits";
import { evaluateCgmRules } from "./cgm-rules";
import { evaluateLimitRules } from "./limit-rules";
import { evaluateNews2Rules } from "./news2-rules";
import { evaluateTechnicalRules } from "./technical-rules";
import type { DeviceState, Finding, NormalWanted, PatientState } from "./rule-types";

export type PatientEvaluation = {
  now: number;
  limitsFor: (code: LimitCode) => EffectiveLimits;
  /** Null while the patient's SpO2 scale is unknown: NEWS2 then judges nothing. */
  news2: News2Result | null;
  /** Given, a normal finding is built only for a tracked key (rule-types NormalWanted); absent, all are. */
  wanted?: NormalWanted;
};

export function evaluatePatient(patient: PatientState, devices: readonly DeviceState[], ctx: PatientEvaluation): Finding[] {
  const out = evaluateLimitRules(patient, ctx.limitsFor, ctx.now, ctx.wanted);
  out.push(...evaluateCgmRules(patient, ctx.now));
  if (ctx.news2) out.push(...evaluateNews2Rules(patient, ctx.news2, ctx.now));
  for (const d of devices) out.push(...evaluateTechnicalRules(d, ctx.now, ctx.wanted));
  return out;
}
