// Offline evaluation of the alarm detectors on the simulator's scripted scenarios, for `npm run bench:alarms`:
// replays N beds / pumps / fridges over a simulated period in fast-forward (no real time, no server) and
// measures lead time before the event each detector should anticipate, and false alarms per bed- or device-day
// on healthy scenarios, next to a naive fixed-threshold rule measured on the very same data.
import { createTrendDetector, type TrendDetectorOptions } from "@/lib/detectors/deterioration-trend";
import { createMaintenanceDetector, type MaintenanceOptions } from "@/lib/detectors/predictive-maintenance";
import { createExcursionDetector, type Excursion, type ExcursionOptions } from "@/lib/detectors/environment-excursion";
import { createFridgeModel, createPumpModel, FRIDGE } from "@/lib/simulator/device-scenarios";
import { DETERIORATION_CYCLE_MS } from "@/lib/simulator/scenarios";
import { createPatientModel } from "@/lib/simulator/vital-model";
import { createEpisodicPatient, monitorFrame, news2Of, type Window } from "@/lib/simulator/episodic-patient";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

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

const SECTION = "detectors";

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** One-sided upper confidence bound for a Poisson mean after observing `count` events (e.g. 0 → 3.0). */
export function poissonUpperBound(count: number, confidence = 0.95): number {
  if (count > 50) {
    // Wilson-Hilferty approximation of the chi-square quantile (exact sums would underflow); one-sided 95 %.
    const z = 1.6449;
    const n = count + 1;
    return n * (1 - 1 / (9 * n) + z * Math.sqrt(1 / (9 * n))) ** 3;
  }
  const cdf = (lambda: number) => {
    let term = Math.exp(-lambda);
    let sum = term;
    for (let i = 1; i <= count; i++) {
      term *= lambda / i;
      sum += term;
    }
    return sum;
  };
  let lo = count;
  let hi = count + 10 + 10 * Math.sqrt(count + 1);
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) > 1 - confidence) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function rate(
  falseAlarms: number,
  exposureDays: number,
): { falseAlarms: number; exposureDays: number; falseAlarmsPerDay: number; falseAlarmsPerDayUpper95: number } {
  const days = Math.max(exposureDays, 1e-9);
  return {
    falseAlarms,
    exposureDays,
    falseAlarmsPerDay: falseAlarms / days,
    falseAlarmsPerDayUpper95: poissonUpperBound(falseAlarms) / days,
  };
}

function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}

/**
 * A naive rule alarm as a latch: raised when the condition holds and no alarm is active, cleared once the
 * condition has been false for rearmMs (so a chattering condition is one alarm, not dozens).
 */
export function createRuleLatch(rearmMs: number) {
  let active = false;
  let falseSince: number | null = null;
  return (t: number, condition: boolean): boolean => {
    if (condition) {
      if (active && falseSince !== null && t - falseSince >= rearmMs) active = false;
      falseSince = null;
      if (active) return false;
      active = true;
      return true;
    }
    falseSince ??= t;
    if (active && t - falseSince >= rearmMs) active = false;
    return false;
  };
}

/** A rule that must hold continuously for holdMs before it is raised (then latched as above). */
export function createPersistentRule(holdMs: number, rearmMs: number) {
  const latch = createRuleLatch(rearmMs);
  let trueSince: number | null = null;
  return (t: number, condition: boolean): boolean => {
    if (condition) trueSince ??= t;
    else trueSince = null;
    return latch(t, trueSince !== null && t - trueSince >= holdMs);
  };
}

type EpisodeOutcome = { leads: number[]; late: number; missed: number; events: number };

function scoreEpisodes(episodes: readonly Window[], eventTimes: readonly (number | null)[], alarmTimes: readonly number[]): EpisodeOutcome {
  const out: EpisodeOutcome = { leads: [], late: 0, missed: 0, events: 0 };
  episodes.forEach((e, i) => {
    const eventT = eventTimes[i];
    if (eventT === null || eventT === undefined) return;
    out.events++;
    const alarm = alarmTimes.find((a) => a >= e.startMs && a < e.endMs);
    if (alarm === undefined) out.missed++;
    else if (alarm > eventT) out.late++;
    else out.leads.push((eventT - alarm) / MIN);
  });
  return out;
}

function leadRow(
  base: Omit<AlarmReportRow, "events" | "detected" | "timing" | "medianMin" | "worstMin">,
  o: EpisodeOutcome,
): AlarmReportRow {
  return {
    ...base,
    events: o.events,
    detected: o.leads.length,
    timing: "lead",
    medianMin: round1(median(o.leads)),
    worstMin: o.leads.length > 0 ? round1(Math.min(...o.leads)) : null,
    note: [base.note, o.late > 0 ? `${o.late} late` : "", o.missed > 0 ? `${o.missed} missed` : ""].filter(Boolean).join("; ") || undefined,
  };
}

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

function merge(into: EpisodeOutcome, add: EpisodeOutcome): void {
  into.leads.push(...add.leads);
  into.late += add.late;
  into.missed += add.missed;
  into.events += add.events;
}

/** Infusion pumps: predictive maintenance vs a fixed vibration limit (single reading, and held 30 minutes). */
export function evaluatePumps(
  o: Required<Pick<DetectorEvaluationOptions, "devices" | "hours" | "deviceStepMs" | "seed">> & { maintenance?: MaintenanceOptions },
): AlarmReportRow[] {
  const horizon = o.hours * HOUR;
  const LIMIT_G = 0.5;
  const REARM = 30 * MIN;
  const methods = ["detector", "limit", "limit-held"] as const;
  type Method = (typeof methods)[number];
  const leads: Record<Method, number[]> = { detector: [], limit: [], "limit-held": [] };
  const misses: Record<Method, number> = { detector: 0, limit: 0, "limit-held": 0 };
  const falseOnFailing: Record<Method, number> = { detector: 0, limit: 0, "limit-held": 0 };
  let events = 0;

  const runPump = (seed: number, scenario: "pump-healthy" | "pump-failing") => {
    const pump = createPumpModel({ seed, scenario });
    const detector = createMaintenanceDetector(o.maintenance);
    const limit = createRuleLatch(REARM);
    const held = createPersistentRule(30 * MIN, REARM);
    const raised: Record<Method, number[]> = { detector: [], limit: [], "limit-held": [] };
    let monitoredFrom: number | null = null;
    const end = Math.min(horizon, pump.failureAtMs ?? horizon);
    for (let t = 0; t < end; t += o.deviceStepMs) {
      const r = pump.sample(t);
      const f = detector.update({ t, values: r });
      if (f?.raised) raised.detector.push(t);
      if (monitoredFrom === null && detector.state().phase !== "warmup") monitoredFrom = t;
      if (limit(t, r.vibration > LIMIT_G)) raised.limit.push(t);
      if (held(t, r.vibration > LIMIT_G)) raised["limit-held"].push(t);
    }
    return { pump, raised, monitoredFrom: monitoredFrom ?? end, end };
  };

  let healthyDays = 0;
  let healthyDetectorDays = 0;
  const healthyFalse: Record<Method, number> = { detector: 0, limit: 0, "limit-held": 0 };
  for (let i = 0; i < o.devices; i++) {
    const failing = runPump(o.seed + 20_000 + i, "pump-failing");
    const { failureAtMs, degradationStartMs } = failing.pump;
    if (failureAtMs !== null && degradationStartMs !== null && failureAtMs <= horizon) {
      events++;
      for (const m of methods) {
        const before = failing.raised[m].filter((t) => t < degradationStartMs).length;
        falseOnFailing[m] += before;
        const hit = failing.raised[m].find((t) => t >= degradationStartMs);
        if (hit === undefined) misses[m]++;
        else leads[m].push((failureAtMs - hit) / MIN);
      }
    }
    const healthy = runPump(o.seed + 30_000 + i, "pump-healthy");
    healthyDays += healthy.end / DAY;
    healthyDetectorDays += (healthy.end - healthy.monitoredFrom) / DAY;
    for (const m of methods) healthyFalse[m] += healthy.raised[m].length;
  }
  const names: Record<Method, string> = {
    detector: "predictive maintenance (CUSUM)",
    limit: `vibration > ${LIMIT_G} g (single reading)`,
    "limit-held": `vibration > ${LIMIT_G} g held 30 min`,
  };
  return methods.map((m) => {
    const days = m === "detector" ? healthyDetectorDays : healthyDays;
    const notes = [
      m === "detector" ? "lead before failure; false alarms counted after the 4 h warm-up" : "",
      misses[m] > 0 ? `${misses[m]} missed` : "",
      falseOnFailing[m] > 0 ? `${falseOnFailing[m]} false before wear on failing pumps` : "",
    ].filter(Boolean);
    return {
      section: SECTION,
      detector: names[m],
      kind: m === "detector" ? "detector" : "baseline",
      scenario: "pump-failing",
      events,
      detected: leads[m].length,
      timing: "lead",
      medianMin: round1(median(leads[m])),
      worstMin: leads[m].length > 0 ? round1(Math.min(...leads[m])) : null,
      healthyScenario: "pump-healthy",
      ...rate(healthyFalse[m], days),
      unit: "device-day",
      note: notes.join("; ") || undefined,
    } satisfies AlarmReportRow;
  });
}

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
