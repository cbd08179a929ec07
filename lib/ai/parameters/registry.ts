// lib/ai/parameters owns the parameter manager: the only way a prompt reaches data. Each parameter is a
// named, typed, fixed query in code (patient-parameters.ts, context-parameters.ts) with bounds whose
// limits the code fixes; a prompt version enables some of those its feature is allowed and sets their
// bounds inside the limits. Resolution (resolve-parameters.ts) checks the caller's scope on the subject,
// runs the queries and de-identifies the values before anything leaves.
import type { AiFeature, ParameterInfo } from "@/lib/ai/service-types";
import { CONTEXT_PARAMETERS } from "./context-parameters";
import type { ParameterDefinition } from "./parameter-types";
import { PATIENT_PARAMETERS } from "./patient-parameters";

export const PARAMETERS: readonly ParameterDefinition[] = [...PATIENT_PARAMETERS, ...CONTEXT_PARAMETERS];
const BY_NAME = new Map(PARAMETERS.map((p) => [p.name, p]));

export function parameterDefinition(name: string): ParameterDefinition | undefined {
  return BY_NAME.get(name);
}

/** The parameters a prompt of `feature` may enable (every one for a prompt no feature runs). */
export function allowedParameters(feature: string | null): string[] {
  return PARAMETERS.filter((p) => feature === null || p.allowedFor.includes(feature as AiFeature)).map((p) => p.name);
}

/** Reasons the bounds are outside the code's limits (empty when fine), for validatePromptVersion. */
export function checkBounds(name: string, bounds: Record<string, unknown>): string[] {
  const def = BY_NAME.get(name);
  if (!def) return [];
  const reasons: string[] = [];
  for (const [key, value] of Object.entries(bounds)) {
    const limit = def.bounds[key];
    if (!limit) {
      const known = Object.keys(def.bounds);
      reasons.push(`unknown bound "${key}" (${known.length ? `known: ${known.join(", ")}` : "this parameter has none"})`);
      continue;
    }
    if (typeof value !== "number" || !Number.isInteger(value)) reasons.push(`${key} must be a whole number`);
    else if (value < limit.min || value > limit.max) reasons.push(`${key} must be between ${limit.min} and ${limit.max} ${limit.unit}`);
  }
  return reasons;
}

/** Bounds with defaults filled in and each value clamped into the code's limits. */
export function effectiveBounds(def: ParameterDefinition, bounds: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, limit] of Object.entries(def.bounds)) {
    const v = bounds[key];
    const n = typeof v === "number" && Number.isFinite(v) ? Math.round(v) : limit.default;
    out[key] = Math.min(limit.max, Math.max(limit.min, n));
  }
  return out;
}

export function parameterInfos(): ParameterInfo[] {
  return PARAMETERS.map((p) => ({
    name: p.name,
    description: p.description,
    subject: p.subject,
    bounds: p.bounds,
    allowedFor: p.allowedFor,
  }));
}
