// The portal's home blood pressure view (pure): readings with crisis marking, the 7-day average against the
// home target and the 7 days before it, and per-day means for the chart (ESH 2023 / AHA 2017: a home
// average of 135/85 mmHg or more over 7 days is hypertension; a reading of 180/120 or more is a crisis).
import { DAY_MS, dayKey, lastDays, localMidnight } from "./local-days";

export type BpReading = { t: number; sys: number; dia: number; pulse: number | null };
export type MarkedBpReading = BpReading & { crisis: boolean; aboveTarget: boolean };
export type BpAverage = { sys: number; dia: number; readings: number };

export const HOME_BP_TARGET = { sys: 135, dia: 85 } as const;
export const BP_CRISIS = { sys: 180, dia: 120 } as const;

export type BpView = {
  /** The last 14 days, newest first. */
  readings: MarkedBpReading[];
  today: MarkedBpReading[];
  avg7: BpAverage | null;
  avgPrev7: BpAverage | null;
  /** The 7-day average at or above 135/85 (either number); null without readings. */
  aboveTarget: boolean | null;
  crisisReadings: number;
  daily: { day: string; sys: number | null; dia: number | null }[];
};

export function isCrisis(r: Pick<BpReading, "sys" | "dia">): boolean {
  return r.sys >= BP_CRISIS.sys || r.dia >= BP_CRISIS.dia;
}

export function isAboveHomeTarget(r: Pick<BpReading, "sys" | "dia">): boolean {
  return r.sys >= HOME_BP_TARGET.sys || r.dia >= HOME_BP_TARGET.dia;
}

export function averageBp(readings: readonly BpReading[]): BpAverage | null {
  if (readings.length === 0) return null;
  const sys = readings.reduce((a, r) => a + r.sys, 0) / readings.length;
  const dia = readings.reduce((a, r) => a + r.dia, 0) / readings.length;
  return { sys, dia, readings: readings.length };
}

export function prepareBpView(all: readonly BpReading[], nowMs: number, tzOffsetMinutes: number): BpView {
  const inWindow = (from: number, to: number) => all.filter((r) => r.t > from && r.t <= to);
  const last14 = inWindow(nowMs - 14 * DAY_MS, nowMs).sort((a, b) => b.t - a.t);
  const marked = last14.map((r) => ({ ...r, crisis: isCrisis(r), aboveTarget: isAboveHomeTarget(r) }));
  const avg7 = averageBp(inWindow(nowMs - 7 * DAY_MS, nowMs));
  const midnight = localMidnight(nowMs, tzOffsetMinutes);
  const byDay = new Map<string, BpReading[]>();
  for (const r of last14) byDay.set(dayKey(r.t, tzOffsetMinutes), [...(byDay.get(dayKey(r.t, tzOffsetMinutes)) ?? []), r]);
  return {
    readings: marked,
    today: marked.filter((r) => r.t >= midnight),
    avg7,
    avgPrev7: averageBp(inWindow(nowMs - 14 * DAY_MS, nowMs - 7 * DAY_MS)),
    aboveTarget: avg7 ? isAboveHomeTarget(avg7) : null,
    crisisReadings: marked.filter((r) => r.crisis).length,
    daily: lastDays(nowMs, 14, tzOffsetMinutes).map((day) => {
      const avg = averageBp(byDay.get(day) ?? []);
      return { day, sys: avg ? Math.round(avg.sys) : null, dia: avg ? Math.round(avg.dia) : null };
    }),
  };
}
