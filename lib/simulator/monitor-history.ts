// A bedside monitor's uploaded past: on its first run a simulated monitor sends the last day of its patient,
// one frame a minute (every vital each minute; ACVPU, oxygen and battery every five), as arrays of frames with
// past `ts` through the real ingest path, paced under the per-device rate limit (lib/simulator/equipment-backfill),
// newest first (nothing downstream needs a monitor's late frames in time order: they never replace a current
// value and the trend detector skips them).
// The same patient model then goes on live, so the history joins the live readings without a jump. Pure.
import { planBackfill, type BackfillPlan } from "./equipment-backfill";
import { isSilent, type ScenarioName } from "./scenarios";
import { SCHEDULED_METRICS, SLOW_METRICS, type ScheduledMetric } from "./schedule";
import type { PatientModel } from "./vital-model";

/** One frame a minute: 1,440 frames for a day, light enough to upload in about a minute and a half. */
export const MONITOR_HISTORY_STEP_MS = 60_000;
/** ACVPU, oxygen and battery are charted every five minutes, as live. */
const SLOW_EVERY_STEPS = 5;

export type MonitorHistoryOptions = {
  model: PatientModel;
  scenario: ScenarioName;
  /** Wall time the live readings start at (exclusive end of the history). */
  startedAtMs: number;
  /** The scenario clock at startedAtMs; the history lies before it (negative: before the scenario began). */
  clockAtStartMs: number;
  /** Scenario clock multiplier, as live. */
  speedup: number;
  spanMs: number;
  stepMs?: number;
  startSeq: number;
  ratePerSec: number;
  burst: number;
  maxBodyBytes: number;
  maxFramesPerBody: number;
};

/**
 * Plans the history (sampling the model up to startedAtMs: call before the first live sample). The bodies go
 * newest first, so the charts' default 8 h fill within about half a minute and the rest of the day follows; the
 * pacing is the planner's (each body is no larger than the one planned for its slot, so the rate limit holds).
 */
export function planMonitorHistory(o: MonitorHistoryOptions): BackfillPlan {
  const plan = planOldestFirst(o);
  const bodies = plan.chunks.map((c) => c.frames).reverse();
  return { ...plan, chunks: plan.chunks.map((c, i) => ({ atMs: c.atMs, frames: bodies[i]! })) };
}

function planOldestFirst(o: MonitorHistoryOptions): BackfillPlan {
  const slow = new Set<ScheduledMetric>(SLOW_METRICS);
  let step = 0;
  return planBackfill({
    endMs: o.startedAtMs,
    spanMs: o.spanMs,
    stepMs: o.stepMs ?? MONITOR_HISTORY_STEP_MS,
    startSeq: o.startSeq,
    ratePerSec: o.ratePerSec,
    burst: o.burst,
    maxBodyBytes: o.maxBodyBytes,
    maxFramesPerBody: o.maxFramesPerBody,
    sample: (wallMs) => {
      const elapsedMs = o.clockAtStartMs + (wallMs - o.startedAtMs) * o.speedup;
      const withSlow = step++ % SLOW_EVERY_STEPS === 0;
      if (isSilent(o.scenario, elapsedMs)) return null;
      const sample = o.model.sample(elapsedMs);
      const values: Partial<Record<ScheduledMetric, number>> = {};
      for (const key of SCHEDULED_METRICS) if (withSlow || !slow.has(key)) values[key] = sample[key];
      return values;
    },
  });
}
