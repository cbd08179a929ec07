// Offline evaluation of the alarm detectors on the simulator's scripted scenarios, for `npm run bench:alarms`: replays N beds /
// pumps / fridges in fast-forward (no real time, no server) and measures lead time before the event each detector should anticipate,
// and false alarms per bed- or device-day on healthy scenarios, next to a naive fixed-threshold rule measured on the very same data.
import type { AlarmReportRow, DetectorEvaluationOptions } from "./detector-report";
import { evaluateDeterioration } from "./evaluate-deterioration";
import { evaluateFridges } from "./evaluate-fridges";
import { evaluatePumps } from "./evaluate-pumps";
import { MIN, SEC } from "./time-units";

export { median, poissonUpperBound } from "./alarm-statistics";
export { createPersistentRule, createRuleLatch } from "./baseline-rules";
export { compareToBaselines, type AlarmReportRow, type DetectorEvaluationOptions } from "./detector-report";

/** The whole detector section: deterioration, pumps, fridges. */
export function evaluateDetectors(opts: DetectorEvaluationOptions = {}): AlarmReportRow[] {
  const beds = opts.beds ?? 20;
  const devices = opts.devices ?? beds;
  const hours = opts.hours ?? 24;
  const seed = opts.seed ?? 100_000;
  return [
    ...evaluateDeterioration({ beds, hours, stepMs: opts.stepMs ?? 10 * SEC, seed, trend: opts.trend }),
    ...evaluatePumps({ devices, hours, deviceStepMs: opts.deviceStepMs ?? MIN, seed, maintenance: opts.maintenance }),
    ...evaluateFridges({ devices, hours, deviceStepMs: opts.deviceStepMs ?? MIN, seed, excursion: opts.excursion }),
  ];
}
