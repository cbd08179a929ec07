// The portal's asthma view (pure): controller adherence (doses taken of doses prescribed, a day counting at
// most its prescribed doses) over the last 7 and 14 complete days against 80 %, rescue use this week and the
// week before (days with use above 2 a week mean poor control), and per-day rows joining inhaler use with the
// environment (pollen, PM2.5) for the trigger comparison (lib/portal/trigger-correlation).
import { DAY_MS, dayKey, lastDays } from "./local-days";
import { correlateTriggers, triggersOf, type TriggerCorrelation, type TriggerKind } from "./trigger-correlation";

export type InhalerUse = { t: number; role: "controller" | "rescue"; puffs: number };
export type EnvDay = { day: string; maxPollen: number | null; meanPm25: number | null };

export const CONTROLLER_DOSES_PER_DAY = 2;
export const ADHERENCE_TARGET_PERCENT = 80;
export const RESCUE_DAYS_PER_WEEK_LIMIT = 2;

export type Adherence = { taken: number; planned: number; percent: number };
export type RescueWeek = { puffs: number; uses: number; days: number };
export type AsthmaDay = {
  day: string;
  controllerDoses: number;
  rescuePuffs: number;
  rescueUses: number;
  maxPollen: number | null;
  meanPm25: number | null;
  triggers: TriggerKind[];
};

export type AsthmaView = {
  controllerToday: number;
  adherence7: Adherence | null;
  adherence14: Adherence | null;
  rescueThisWeek: RescueWeek;
  rescueLastWeek: RescueWeek;
  /** Rescue use on more than 2 days in the last 7. */
  rescueAboveLimit: boolean;
  days: AsthmaDay[];
  correlation: TriggerCorrelation;
};

/** Adherence over the given local days (doses per day capped at the prescription); null for no days. */
export function controllerAdherence(
  dosesByDay: ReadonlyMap<string, number>,
  dayKeys: readonly string[],
  perDay = CONTROLLER_DOSES_PER_DAY,
): Adherence | null {
  if (dayKeys.length === 0) return null;
  const taken = dayKeys.reduce((a, d) => a + Math.min(perDay, dosesByDay.get(d) ?? 0), 0);
  const planned = dayKeys.length * perDay;
  return { taken, planned, percent: (100 * taken) / planned };
}

function rescueWeek(uses: readonly InhalerUse[], from: number, to: number, tz: number): RescueWeek {
  const inWeek = uses.filter((u) => u.role === "rescue" && u.t > from && u.t <= to);
  return { puffs: inWeek.reduce((a, u) => a + u.puffs, 0), uses: inWeek.length, days: new Set(inWeek.map((u) => dayKey(u.t, tz))).size };
}

export function prepareAsthmaView(uses: readonly InhalerUse[], env: readonly EnvDay[], nowMs: number, tz: number): AsthmaView {
  const keys = lastDays(nowMs, 14, tz); // today and the 13 days before
  const complete = lastDays(nowMs - DAY_MS, 14, tz); // the 14 days before today
  const today = keys.at(-1)!;
  const doses = new Map<string, number>();
  const rescue = new Map<string, { puffs: number; uses: number }>();
  for (const u of uses) {
    const k = dayKey(u.t, tz);
    if (u.role === "controller") doses.set(k, (doses.get(k) ?? 0) + 1);
    else {
      const r = rescue.get(k) ?? { puffs: 0, uses: 0 };
      rescue.set(k, { puffs: r.puffs + u.puffs, uses: r.uses + 1 });
    }
  }
  const envByDay = new Map(env.map((e) => [e.day, e]));
  const days = keys.map((day) => {
    const e = envByDay.get(day);
    const exposure = { maxPollen: e?.maxPollen ?? null, meanPm25: e?.meanPm25 ?? null };
    return {
      day,
      controllerDoses: doses.get(day) ?? 0,
      rescuePuffs: rescue.get(day)?.puffs ?? 0,
      rescueUses: rescue.get(day)?.uses ?? 0,
      ...exposure,
      triggers: triggersOf(exposure),
    };
  });
  const weekStart = nowMs - 7 * DAY_MS;
  const rescueThisWeek = rescueWeek(uses, weekStart, nowMs, tz);
  return {
    controllerToday: doses.get(today) ?? 0,
    adherence7: controllerAdherence(doses, complete.slice(-7)),
    adherence14: controllerAdherence(doses, complete),
    rescueThisWeek,
    rescueLastWeek: rescueWeek(uses, weekStart - 7 * DAY_MS, weekStart, tz),
    rescueAboveLimit: rescueThisWeek.days > RESCUE_DAYS_PER_WEEK_LIMIT,
    days,
    correlation: correlateTriggers(days),
  };
}
