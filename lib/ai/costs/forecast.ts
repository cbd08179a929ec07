// Month-end spend forecast: a straight line through the month so far. The average spend per day elapsed
// (today counted as a whole day, so the first hours of a month do not explode the line) times the days
// in the month. Days are UTC calendar days ("YYYY-MM-DD"), like the budget periods.
import type { NanoUsd } from "./money";
import { periodBounds } from "./periods";

export type DailySpend = { day: string; nusd: NanoUsd };

export type ForecastPoint = { day: string; cumulativeNusd: NanoUsd; forecast: boolean };

export type MonthForecast = {
  monthStart: string;
  daysInMonth: number;
  daysElapsed: number;
  monthToDateNusd: NanoUsd;
  dailyAverageNusd: NanoUsd;
  projectedNusd: NanoUsd;
  /** One point per day of the month: actual cumulative spend up to today, the straight line after it. */
  points: ForecastPoint[];
};

const DAY_MS = 86_400_000;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Forecast for the UTC month containing `now`; spend on days outside that month (or after today) is ignored. */
export function forecastMonthEnd(daily: readonly DailySpend[], now: Date): MonthForecast {
  const { start, end } = periodBounds("month", now);
  const daysInMonth = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  const daysElapsed = now.getUTCDate();
  const today = utcDay(now);
  const byDay = new Map<string, NanoUsd>();
  for (const d of daily) {
    if (d.day < utcDay(start) || d.day > today) continue;
    byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.nusd);
  }
  let monthToDate = 0;
  for (const v of byDay.values()) monthToDate += v;
  const projected = Math.round((monthToDate * daysInMonth) / daysElapsed);
  const points: ForecastPoint[] = [];
  let cumulative = 0;
  for (let i = 0; i < daysInMonth; i++) {
    const day = utcDay(new Date(start.getTime() + i * DAY_MS));
    if (i < daysElapsed) {
      cumulative += byDay.get(day) ?? 0;
      points.push({ day, cumulativeNusd: cumulative, forecast: false });
    } else {
      points.push({ day, cumulativeNusd: Math.round((monthToDate * (i + 1)) / daysElapsed), forecast: true });
    }
  }
  return {
    monthStart: utcDay(start),
    daysInMonth,
    daysElapsed,
    monthToDateNusd: monthToDate,
    dailyAverageNusd: Math.round(monthToDate / daysElapsed),
    projectedNusd: projected,
    points,
  };
}
