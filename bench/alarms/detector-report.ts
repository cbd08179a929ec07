// Inputs and outputs of the detector section of bench:alarms: its options, one report row per detector or
// baseline, and each detector set against its baseline (compareToBaselines).
import type { TrendDetectorOptions } from "@/lib/detectors/deterioration-trend";
import type { MaintenanceOptions } from "@/lib/detectors/predictive-maintenance";
import type { ExcursionOptions } from "@/lib/detectors/environment-excursion";
import { round1 } from "./alarm-statistics";

/** One line of the report. Timing is "lead" (minutes before the event) or "delay" (minutes after its start). */
export type AlarmReportRow = {
  section: string;
  detector: string;
  kind: "detector" | "baseline";
  /** Scenario with events to catch, and how many of them were caught in time. */
  scenario: string;
  events: number;
  /** Caught in time: before the event (lead) or at all (delay). */
  detected: number;
  timing: "lead" | "delay";
  medianMin: number | null;
  /** Smallest lead, or largest delay. */
  worstMin: number | null;
  /** Healthy scenario on which false alarms were counted. */
  healthyScenario: string;
  falseAlarms: number;
  exposureDays: number;
  falseAlarmsPerDay: number;
  /** One-sided 95 % upper confidence bound of the rate (Poisson): what "0 in 20 days" can still hide. */
  falseAlarmsPerDayUpper95: number;
  unit: "bed-day" | "device-day" | "fridge-day";
  note?: string;
};

/** A detector set against the baseline measured in the same run. */
export type AlarmComparison = {
  detector: string;
  baseline: string;
  scenario: string;
  /** Detector median lead minus baseline median lead (positive: earlier), or baseline delay minus detector delay. */
  medianGainMin: number | null;
  /** Detector false alarms per day divided by the baseline's (null when the baseline had none). */
  falseAlarmRatio: number | null;
};

export type DetectorEvaluationOptions = {
  beds?: number;
  devices?: number;
  hours?: number;
  /** Vital-sign sampling step (ms), default 10 s. */
  stepMs?: number;
  /** Device and fridge telemetry step (ms), default 60 s. */
  deviceStepMs?: number;
  seed?: number;
  trend?: TrendDetectorOptions;
  maintenance?: MaintenanceOptions;
  excursion?: ExcursionOptions;
};

export const SECTION = "detectors";

/** Each detector against its baseline in the same run. */
export function compareToBaselines(rows: readonly AlarmReportRow[]): AlarmComparison[] {
  const pairs: [string, string, string][] = [
    ["deterioration trend (CUSUM)", "NEWS2 ≥ 5 (single reading)", "deteriorating, recovering between episodes"],
    ["deterioration trend (CUSUM)", "NEWS2 ≥ 3 (single reading)", "deteriorating, recovering between episodes"],
    ["predictive maintenance (CUSUM)", "vibration > 0.5 g (single reading)", "pump-failing"],
    ["predictive maintenance (CUSUM)", "vibration > 0.5 g held 30 min", "pump-failing"],
    ["fridge excursion (≥ 5 min outside 2–8 °C)", "raw reading > 8 °C", "fridge-warm"],
  ];
  const out: AlarmComparison[] = [];
  for (const [det, bas, scenario] of pairs) {
    const d = rows.find((r) => r.detector === det && r.scenario === scenario);
    const b = rows.find((r) => r.detector === bas && r.scenario === scenario);
    if (!d || !b) continue;
    const gain =
      d.medianMin === null || b.medianMin === null ? null : d.timing === "lead" ? d.medianMin - b.medianMin : b.medianMin - d.medianMin;
    out.push({
      detector: det,
      baseline: bas,
      scenario,
      medianGainMin: round1(gain),
      falseAlarmRatio: b.falseAlarmsPerDay > 0 ? Math.round((d.falseAlarmsPerDay / b.falseAlarmsPerDay) * 1000) / 1000 : null,
    });
  }
  return out;
}
