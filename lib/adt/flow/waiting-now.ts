// Where patients wait now: waiting for a bed after the decision to admit, waiting to leave after the
// discharge order, and (when bed turnarounds are given) vacated beds waiting to be cleaned. The bottleneck
// is the stage whose current waits have the longest median; ties go to the stage with more waiting.
import { MINUTE_MS, median } from "./stats";
import { stayAt } from "./ward-stays";
import type { EncounterHistory } from "./flow-types";

export type FlowStage = "awaiting-bed" | "awaiting-discharge" | "bed-cleaning";

export const FLOW_STAGE_LABELS: Record<FlowStage, string> = {
  "awaiting-bed": "decision to admit → bed",
  "awaiting-discharge": "discharge ordered → left",
  "bed-cleaning": "bed vacated → cleaned",
};

export interface BedTurnaround {
  bedId: string;
  wardId: string;
  vacatedAt: Date;
  cleanedAt?: Date;
}

export interface StageWait {
  stage: FlowStage;
  label: string;
  waiting: number;
  medianMinutes: number | null;
  longestMinutes: number | null;
  /** Encounter ids (bed ids for bed-cleaning), longest wait first. */
  ids: string[];
}

export interface WaitsNow {
  at: Date;
  stages: StageWait[];
  /** The stage where the wait is longest now; null when nobody waits. */
  longest: FlowStage | null;
}

const before = (t: Date | undefined, now: Date) => t !== undefined && t <= now;
const notYet = (t: Date | undefined, now: Date) => t === undefined || t > now;

export function waitsNow(
  encounters: readonly EncounterHistory[],
  now: Date,
  options: { wardId?: string; bedTurnarounds?: readonly BedTurnaround[] } = {},
): WaitsNow {
  const waits: Record<FlowStage, { id: string; minutes: number }[]> = { "awaiting-bed": [], "awaiting-discharge": [], "bed-cleaning": [] };
  const add = (stage: FlowStage, id: string, since: Date) =>
    waits[stage].push({ id, minutes: (now.getTime() - since.getTime()) / MINUTE_MS });

  for (const e of encounters) {
    if (before(e.dischargedAt, now)) continue;
    const waitingSince = e.admitDecidedAt ?? e.admittedAt;
    const bedSince = e.bedAssignedAt ?? e.transfers.map((t) => t.at).sort((a, b) => a.getTime() - b.getTime())[0];
    if (waitingSince <= now && notYet(bedSince, now) && (!options.wardId || e.wardId === options.wardId)) {
      add("awaiting-bed", e.encounterId, waitingSince);
    }
    if (e.dischargeOrderedAt && before(e.dischargeOrderedAt, now)) {
      const ward = stayAt(e, now)?.wardId ?? e.wardId;
      if (!options.wardId || ward === options.wardId) add("awaiting-discharge", e.encounterId, e.dischargeOrderedAt);
    }
  }
  for (const b of options.bedTurnarounds ?? []) {
    if (b.vacatedAt <= now && notYet(b.cleanedAt, now) && (!options.wardId || b.wardId === options.wardId))
      add("bed-cleaning", b.bedId, b.vacatedAt);
  }

  const stages: StageWait[] = (Object.keys(waits) as FlowStage[]).map((stage) => {
    const list = [...waits[stage]].sort((a, b) => b.minutes - a.minutes);
    return {
      stage,
      label: FLOW_STAGE_LABELS[stage],
      waiting: list.length,
      medianMinutes: median(list.map((w) => w.minutes)),
      longestMinutes: list[0]?.minutes ?? null,
      ids: list.map((w) => w.id),
    };
  });
  const ranked = stages
    .filter((s) => s.waiting > 0)
    .sort((a, b) => (b.medianMinutes ?? 0) - (a.medianMinutes ?? 0) || b.waiting - a.waiting);
  return { at: now, stages, longest: ranked[0]?.stage ?? null };
}
