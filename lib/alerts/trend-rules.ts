// The deterioration-trend rule: one streaming detector per patient (lib/detectors/deterioration-trend)
// fed with every non-artifact pulse, breathing rate, SpO2 and systolic reading. While the detector is in
// alarm, the rule finds "trend.deterioration" violated: an early, low-priority warning meant to come
// before NEWS2 reaches 5; the detector's own hysteresis decides when it clears.
import { createTrendDetector, type TrendDetector, type TrendParameter } from "@/lib/detectors/deterioration-trend";
import type { VitalsEvent } from "@/lib/events";
import { finding, type Finding, type PatientState } from "./rule-types";

const PARAMETERS: readonly TrendParameter[] = ["heart_rate", "resp_rate", "spo2", "bp_sys"];
const LABEL: Record<TrendParameter, string> = { heart_rate: "pulse", resp_rate: "resp. rate", spo2: "SpO₂", bp_sys: "systolic BP" };

export class TrendWatch {
  private readonly detectors = new Map<string, { detector: TrendDetector; lastT: number }>();

  observe(e: VitalsEvent): void {
    const artifacts = new Set(e.artifacts ?? []);
    const values: Partial<Record<TrendParameter, number>> = {};
    let any = false;
    for (const p of PARAMETERS) {
      const v = e.values[p];
      if (v !== undefined && !artifacts.has(p)) {
        values[p] = v;
        any = true;
      }
    }
    const t = e.ts;
    if (!any || !Number.isFinite(t)) return;
    let entry = this.detectors.get(e.patientId);
    if (!entry) this.detectors.set(e.patientId, (entry = { detector: createTrendDetector(), lastT: -Infinity }));
    if (t < entry.lastT) return; // the detector needs time order; a late frame adds nothing to a trend
    entry.lastT = t;
    entry.detector.update({ t, values });
  }

  /** Null until the patient has a detector; then violated while it is in alarm, normal otherwise. */
  findingFor(patient: PatientState, now: number): Finding | null {
    const entry = this.detectors.get(patient.patientId);
    if (!entry) return null;
    const state = entry.detector.state();
    const active = state.phase === "alarm" ? state.active : null;
    const drifts = active?.parameters.map((d) => `${LABEL[d.parameter]} ${d.delta > 0 ? "+" : ""}${d.delta.toFixed(0)}`).join(", ");
    return finding(active ? "violated" : "normal", now, 0, {
      rule: "trend.deterioration",
      priority: "low",
      message: active
        ? `Sustained deterioration trend (${drifts}) since ${new Date(active.sinceT).toISOString().slice(11, 16)} UTC`
        : "Deterioration trend",
      value: null,
      patientId: patient.patientId,
      wardId: patient.wardId,
      deviceId: null,
    });
  }
}
