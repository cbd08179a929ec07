// bench:alarms, vaccine fridges: replays warm and healthy fridges through the excursion detector and a raw 8 °C
// threshold, and reports the delay to the alarm, data-gap reports and false alarms per fridge-day.
import { createExcursionDetector, type Excursion, type ExcursionOptions } from "@/lib/detectors/environment-excursion";
import { createFridgeModel, FRIDGE } from "@/lib/simulator/device-scenarios";
import { median, rate, round1 } from "./alarm-statistics";
import { createRuleLatch } from "./baseline-rules";
import { SECTION, type AlarmReportRow, type DetectorEvaluationOptions } from "./detector-report";
import { DAY, HOUR, MIN } from "./time-units";

/** Vaccine fridges: excursion detector (≥ 5 min persistence) vs a raw single-reading 8 °C threshold; data gaps. */
export function evaluateFridges(
  o: Required<Pick<DetectorEvaluationOptions, "devices" | "hours" | "deviceStepMs" | "seed">> & { excursion?: ExcursionOptions },
): AlarmReportRow[] {
  const horizon = o.hours * HOUR;
  const high = o.excursion?.highC ?? FRIDGE.rangeC[1];
  const detDelays: number[] = [];
  const rawDelays: number[] = [];
  const durationErrors: number[] = [];
  const gapDelays: number[] = [];
  let events = 0;
  let gapEvents = 0;
  let detFalseOnWarm = 0;
  let rawFalseOnWarm = 0;

  const runFridge = (seed: number, scenario: "fridge-healthy" | "fridge-warm") => {
    const fridge = createFridgeModel({ seed, scenario, horizonMs: horizon });
    const detector = createExcursionDetector(o.excursion);
    const raw = createRuleLatch(0);
    const rawAlarms: number[] = [];
    const gapReports: number[] = [];
    for (let t = 0; t < horizon; t += o.deviceStepMs) {
      const r = fridge.sample(t);
      if (r === null) {
        for (const e of detector.check(t)) if (e.type === "data-gap") gapReports.push(t);
        continue;
      }
      detector.update({ t, value: r.env_temp });
      if (raw(t, r.env_temp > high)) rawAlarms.push(t);
    }
    return { fridge, excursions: detector.excursions(), rawAlarms, gapReports };
  };

  let healthyDays = 0;
  let detFalse = 0;
  let rawFalse = 0;
  let gapFalse = 0;
  for (let i = 0; i < o.devices; i++) {
    const warm = runFridge(o.seed + 40_000 + i, "fridge-warm");
    const truth = warm.fridge.excursion;
    if (truth && truth.endMs <= horizon) {
      events++;
      // The reported excursion that overlaps the true one most (a door blip just before it may be its own).
      const overlap = (x: Excursion) => Math.min(x.endT ?? horizon, truth.endMs) - Math.max(x.startT, truth.startMs);
      const hit = warm.excursions.filter((x) => overlap(x) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
      if (hit) {
        detDelays.push((hit.reportedAt - truth.startMs) / MIN);
        durationErrors.push(Math.abs(hit.durationMs - (truth.endMs - truth.startMs)) / MIN);
      }
      detFalseOnWarm += warm.excursions.filter((x) => x !== hit).length;
      const rawHit = warm.rawAlarms.find((t) => t >= truth.startMs - 10 * MIN && t <= truth.endMs);
      if (rawHit !== undefined) rawDelays.push((rawHit - truth.startMs) / MIN);
      rawFalseOnWarm += warm.rawAlarms.filter((t) => t !== rawHit && (t < truth.startMs - 10 * MIN || t > truth.endMs)).length;
    }
    const outage = warm.fridge.outage;
    if (outage && outage.endMs <= horizon) {
      gapEvents++;
      const g = warm.gapReports[0];
      if (g !== undefined) gapDelays.push((g - outage.startMs) / MIN);
    }
    const healthy = runFridge(o.seed + 50_000 + i, "fridge-healthy");
    healthyDays += horizon / DAY;
    detFalse += healthy.excursions.length;
    gapFalse += healthy.gapReports.length;
    rawFalse += healthy.rawAlarms.length;
  }
  const base = {
    section: SECTION,
    scenario: "fridge-warm",
    healthyScenario: "fridge-healthy",
    unit: "fridge-day" as const,
    timing: "delay" as const,
    events,
  };
  const maxOf = (xs: number[]) => (xs.length > 0 ? round1(Math.max(...xs)) : null);
  return [
    {
      ...base,
      detector: "fridge excursion (≥ 5 min outside 2–8 °C)",
      kind: "detector",
      detected: detDelays.length,
      medianMin: round1(median(detDelays)),
      worstMin: maxOf(detDelays),
      ...rate(detFalse, healthyDays),
      note: `delay from excursion start to alarm; duration error median ${round1(median(durationErrors))} min, max ${maxOf(durationErrors)} min${detFalseOnWarm > 0 ? `; ${detFalseOnWarm} extra on warm fridges` : ""}`,
    },
    {
      ...base,
      detector: `raw reading > ${high} °C`,
      kind: "baseline",
      detected: rawDelays.length,
      medianMin: round1(median(rawDelays)),
      worstMin: maxOf(rawDelays),
      ...rate(rawFalse, healthyDays),
      note: `door-open blips count as alarms${rawFalseOnWarm > 0 ? `; ${rawFalseOnWarm} extra on warm fridges` : ""}`,
    },
    {
      ...base,
      scenario: "fridge-warm logger outage (45 min)",
      detector: "data gap > 30 min",
      kind: "detector",
      events: gapEvents,
      detected: gapDelays.length,
      medianMin: round1(median(gapDelays)),
      worstMin: maxOf(gapDelays),
      ...rate(gapFalse, healthyDays),
      note: "delay from last reading to the gap report (check every minute)",
    },
  ];
}
