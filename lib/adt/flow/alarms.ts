// Alarm KPIs from figures the alarm side already has: alarm burden (alarms per occupied bed-day, by
// IEC 60601-1-8 priority, technical = INOP) and time to acknowledge (p50/p90 of acknowledgement delays).
import { percentiles } from "./stats";
import { FlowInputError, type Kpi, type Percentiles } from "./flow-types";

/** The platform's alarm priorities (the AlertPriority enum in prisma/schema.prisma). */
export const ALARM_PRIORITIES = ["high", "medium", "low", "technical"] as const;
export type AlarmPriority = (typeof ALARM_PRIORITIES)[number];

export const alarmBurdenDefinition = (priority: AlarmPriority | "all") =>
  `Alarm burden${priority === "all" ? "" : ` (${priority} priority)`}: alarms raised in the period ÷ occupied bed-days ` +
  "(occupied bed-hours ÷ 24, see bed occupancy) on the same ward(s) in the same period.";

export const TIME_TO_ACKNOWLEDGE_DEFINITION =
  "Time to acknowledge: acknowledgedAt − raisedAt for alarms raised in the period and acknowledged, p50 and p90 in " +
  "seconds. Numerator: acknowledged alarms; denominator: all alarms raised (the rest were never acknowledged).";

function checkCount(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new FlowInputError(field, `must be a number ≥ 0, got ${value}`);
}

export function alarmBurden(
  counts: Partial<Record<AlarmPriority, number>>,
  occupiedBedDays: number,
): { total: Kpi; byPriority: Record<AlarmPriority, Kpi> } {
  checkCount("occupiedBedDays", occupiedBedDays);
  const rate = (alarms: number) => (occupiedBedDays === 0 ? null : alarms / occupiedBedDays);
  const byPriority = {} as Record<AlarmPriority, Kpi>;
  let total = 0;
  for (const p of ALARM_PRIORITIES) {
    const n = counts[p] ?? 0;
    checkCount(`counts.${p}`, n);
    total += n;
    byPriority[p] = {
      value: rate(n),
      numerator: n,
      denominator: occupiedBedDays,
      unit: "alarms per bed-day",
      definition: alarmBurdenDefinition(p),
    };
  }
  return {
    total: {
      value: rate(total),
      numerator: total,
      denominator: occupiedBedDays,
      unit: "alarms per bed-day",
      definition: alarmBurdenDefinition("all"),
    },
    byPriority,
  };
}

export function timeToAcknowledge(ackDelaysMs: readonly number[], unacknowledged = 0): Kpi<Percentiles> {
  for (const [i, d] of ackDelaysMs.entries()) checkCount(`ackDelaysMs[${i}]`, d);
  if (!Number.isInteger(unacknowledged) || unacknowledged < 0)
    throw new FlowInputError("unacknowledged", `must be a whole number ≥ 0, got ${unacknowledged}`);
  return {
    value: percentiles(ackDelaysMs.map((d) => d / 1000)),
    numerator: ackDelaysMs.length,
    denominator: ackDelaysMs.length + unacknowledged,
    unit: "seconds",
    definition: TIME_TO_ACKNOWLEDGE_DEFINITION,
  };
}
