// Rescue inhaler use against environmental triggers (pure): a trigger day is a local day with high pollen
// (the day's highest index 7.3 or more: medium-high or high on the 0–12 scale) or poor air (PM2.5 daily mean
// above 35 µg/m³, where the US EPA's "unhealthy for sensitive groups" begins). Compares the share of trigger
// days with rescue use to the share of other days with it, and words the finding plainly. An association
// over two weeks, not a cause: the wording says "seems".

export const HIGH_POLLEN_INDEX = 7.3;
export const POOR_AIR_PM25 = 35;
/** A difference in rescue-day share this large reads as "more on trigger days". */
export const NOTABLE_DIFFERENCE = 0.25;

export type TriggerKind = "pollen" | "air";
export type DayExposure = { day: string; maxPollen: number | null; meanPm25: number | null; rescueUses: number };

export type TriggerCorrelation = {
  triggerDays: number;
  rescueOnTriggerDays: number;
  otherDays: number;
  rescueOnOtherDays: number;
  /** Share of trigger days (other days) with rescue use, 0–1; null without such days. */
  triggerShare: number | null;
  otherShare: number | null;
  verdict: "more_on_trigger_days" | "no_clear_difference" | "not_enough_data";
  message: string;
};

export function triggersOf(d: Pick<DayExposure, "maxPollen" | "meanPm25">): TriggerKind[] {
  const out: TriggerKind[] = [];
  if (d.maxPollen !== null && d.maxPollen >= HIGH_POLLEN_INDEX) out.push("pollen");
  if (d.meanPm25 !== null && d.meanPm25 > POOR_AIR_PM25) out.push("air");
  return out;
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** Over the days that have environment data. */
export function correlateTriggers(exposures: readonly DayExposure[]): TriggerCorrelation {
  const measured = exposures.filter((d) => d.maxPollen !== null || d.meanPm25 !== null);
  const trigger = measured.filter((d) => triggersOf(d).length > 0);
  const other = measured.filter((d) => triggersOf(d).length === 0);
  const rescueOnTriggerDays = trigger.filter((d) => d.rescueUses > 0).length;
  const rescueOnOtherDays = other.filter((d) => d.rescueUses > 0).length;
  const triggerShare = trigger.length ? rescueOnTriggerDays / trigger.length : null;
  const otherShare = other.length ? rescueOnOtherDays / other.length : null;
  const base = { triggerDays: trigger.length, rescueOnTriggerDays, otherDays: other.length, rescueOnOtherDays, triggerShare, otherShare };
  if (triggerShare === null || otherShare === null || trigger.length < 2 || other.length < 2) {
    return {
      ...base,
      verdict: "not_enough_data",
      message: "Not enough days with and without high pollen or poor air yet to compare your rescue inhaler use.",
    };
  }
  const counts = `You used your rescue inhaler on ${rescueOnTriggerDays} of ${days(trigger.length)} with high pollen or poor air, and on ${rescueOnOtherDays} of ${days(other.length)} without.`;
  if (triggerShare - otherShare >= NOTABLE_DIFFERENCE) {
    return { ...base, verdict: "more_on_trigger_days", message: `${counts} High pollen or poor air seems to make your asthma worse.` };
  }
  return { ...base, verdict: "no_clear_difference", message: `${counts} No clear link to pollen or air quality so far.` };
}
