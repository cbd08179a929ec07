// bench:alarms, deterioration: replays labelled patient episodes (with recovery, and the demo's back-to-back cycles)
// and stable patients through the trend detector and the NEWS2 threshold rules, and reports lead and false alarms.
import { createTrendDetector, type TrendDetectorOptions } from "@/lib/detectors/deterioration-trend";
import { DETERIORATION_CYCLE_MS } from "@/lib/simulator/scenarios";
import { createPatientModel } from "@/lib/simulator/vital-model";
import { createEpisodicPatient, monitorFrame, news2Of, type Window } from "@/lib/simulator/episodic-patient";
import { rate } from "./alarm-statistics";
import { createRuleLatch } from "./baseline-rules";
import { SECTION, type AlarmReportRow, type DetectorEvaluationOptions } from "./detector-report";
import { leadRow, merge, scoreEpisodes, type EpisodeOutcome } from "./episode-scoring";
import { DAY, HOUR, MIN } from "./time-units";

/** Deterioration: trend detector vs NEWS2 ≥ 5 (the event itself, lead 0 by definition) and NEWS2 ≥ 3. */
export function evaluateDeterioration(
  o: Required<Pick<DetectorEvaluationOptions, "beds" | "hours" | "stepMs" | "seed">> & { trend?: TrendDetectorOptions },
): AlarmReportRow[] {
  const horizon = o.hours * HOUR;
  const leadIn = 2 * HOUR;
  const REARM = 15 * MIN;
  const rules = [
    { name: "NEWS2 ≥ 5 (single reading)", threshold: 5 },
    { name: "NEWS2 ≥ 3 (single reading)", threshold: 3 },
  ];
  const trendOut: EpisodeOutcome = { leads: [], late: 0, missed: 0, events: 0 };
  const ruleOut = rules.map(() => ({ leads: [], late: 0, missed: 0, events: 0 }) as EpisodeOutcome);
  const backToBack: EpisodeOutcome = { leads: [], late: 0, missed: 0, events: 0 };

  for (let bed = 0; bed < o.beds; bed++) {
    const seed = o.seed + bed;
    // Episodes with recovery in between.
    const patient = createEpisodicPatient({ seed, leadInMs: leadIn, horizonMs: horizon });
    const detector = createTrendDetector(o.trend);
    const latches = rules.map(() => createRuleLatch(REARM));
    const alarms: number[] = [];
    const ruleAlarms: number[][] = rules.map(() => []);
    const events: (number | null)[] = patient.episodes.map(() => null);
    for (let t = 0; t < horizon; t += o.stepMs) {
      const v = patient.sample(t);
      if (detector.update(monitorFrame(v, t))) alarms.push(t);
      const score = news2Of(v);
      rules.forEach((r, i) => {
        if (latches[i]?.(t, score >= r.threshold)) ruleAlarms[i]?.push(t);
      });
      if (score >= 5) {
        const ep = patient.episodes.findIndex((e) => t >= e.startMs && t < e.endMs);
        if (ep >= 0 && events[ep] === null) events[ep] = t;
      }
    }
    merge(trendOut, scoreEpisodes(patient.episodes, events, alarms));
    rules.forEach((_, i) => merge(ruleOut[i] as EpisodeOutcome, scoreEpisodes(patient.episodes, events, ruleAlarms[i] ?? [])));

    // The demo simulator's own scenario: cycles back to back, with no recovery time in between.
    const stable = createPatientModel({ seed, scenario: "stable" });
    const det = createPatientModel({ seed, scenario: "deteriorating" });
    const d2 = createTrendDetector(o.trend);
    const cycles: Window[] = [];
    for (let s = leadIn; s + DETERIORATION_CYCLE_MS <= horizon; s += DETERIORATION_CYCLE_MS)
      cycles.push({ startMs: s, endMs: s + DETERIORATION_CYCLE_MS });
    const alarms2: number[] = [];
    const events2: (number | null)[] = cycles.map(() => null);
    for (let t = 0; t < horizon; t += o.stepMs) {
      const v = t < leadIn ? stable.sample(t) : det.sample(t - leadIn);
      if (d2.update(monitorFrame(v, t))) alarms2.push(t);
      if (t >= leadIn && news2Of(v) >= 5) {
        const c = Math.floor((t - leadIn) / DETERIORATION_CYCLE_MS);
        if (c < events2.length && events2[c] === null) events2[c] = t;
      }
    }
    merge(backToBack, scoreEpisodes(cycles, events2, alarms2));
  }

  // False alarms on stable patients.
  let trendFalse = 0;
  let trendDays = 0;
  const ruleFalse = rules.map(() => 0);
  for (let bed = 0; bed < o.beds; bed++) {
    const model = createPatientModel({ seed: o.seed + 10_000 + bed, scenario: "stable" });
    const detector = createTrendDetector(o.trend);
    const latches = rules.map(() => createRuleLatch(REARM));
    let monitoredFrom: number | null = null;
    for (let t = 0; t < horizon; t += o.stepMs) {
      const v = model.sample(t);
      if (detector.update(monitorFrame(v, t))) trendFalse++;
      if (monitoredFrom === null && detector.state().phase !== "warmup") monitoredFrom = t;
      const score = news2Of(v);
      rules.forEach((r, i) => {
        if (latches[i]?.(t, score >= r.threshold)) ruleFalse[i] = (ruleFalse[i] ?? 0) + 1;
      });
    }
    trendDays += (horizon - (monitoredFrom ?? horizon)) / DAY;
  }
  const stableDays = (o.beds * horizon) / DAY;
  const common = {
    section: SECTION,
    scenario: "deteriorating, recovering between episodes",
    healthyScenario: "stable",
    unit: "bed-day" as const,
  };
  const rows: AlarmReportRow[] = [
    leadRow(
      {
        ...common,
        detector: "deterioration trend (CUSUM)",
        kind: "detector",
        ...rate(trendFalse, trendDays),
        note: "lead before NEWS2 ≥ 5; false alarms counted after the 1 h warm-up",
      },
      trendOut,
    ),
    ...rules.map((r, i) =>
      leadRow(
        {
          ...common,
          detector: r.name,
          kind: "baseline",
          ...rate(ruleFalse[i] ?? 0, stableDays),
          note: r.threshold === 5 ? "the event itself: lead 0 by definition" : undefined,
        },
        ruleOut[i] as EpisodeOutcome,
      ),
    ),
    leadRow(
      {
        ...common,
        scenario: "deteriorating, cycles back to back (demo)",
        detector: "deterioration trend (CUSUM)",
        kind: "detector",
        ...rate(trendFalse, trendDays),
        note: "no recovery between cycles: a latched alarm may not re-arm",
      },
      backToBack,
    ),
  ];
  return rows;
}
