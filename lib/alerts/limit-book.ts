// The alarm-limit overrides in memory (from alarm_limits: scope "ward:<id>" or "patient:<id>"), combined
// with the built-in defaults per patient. Pure: the engine reloads it from the database.
import { effectiveLimits, type EffectiveLimits, type LimitCode, type LimitOverride } from "./alarm-limits";
import type { PatientState } from "./rule-types";

export type LimitRow = { scope: string; code: string; low: number | null; high: number | null };

export const wardScope = (wardId: string) => `ward:${wardId}`;
export const patientScope = (patientId: string) => `patient:${patientId}`;

export class LimitBook {
  private overrides = new Map<string, LimitOverride>();

  replaceAll(rows: readonly LimitRow[]): void {
    this.overrides = new Map(rows.map((r) => [`${r.scope}|${r.code}`, { low: r.low, high: r.high }]));
  }

  override(scope: string, code: string): LimitOverride | undefined {
    return this.overrides.get(`${scope}|${code}`);
  }

  /** The effective limits of one patient, per metric. */
  forPatient(p: PatientState): (code: LimitCode) => EffectiveLimits {
    return (code) =>
      effectiveLimits(code, {
        spo2Scale: p.info?.spo2Scale ?? 1,
        ward: p.wardId ? this.override(wardScope(p.wardId), code) : undefined,
        patient: this.override(patientScope(p.patientId), code),
      });
  }
}
