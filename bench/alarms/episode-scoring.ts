// Scores a bed's alarms against its labelled deterioration episodes (lead before each episode's event, late or
// missed) and turns the leads into a report row.
import type { Window } from "@/lib/simulator/episodic-patient";
import { median, round1 } from "./alarm-statistics";
import type { AlarmReportRow } from "./detector-report";
import { MIN } from "./time-units";

export type EpisodeOutcome = { leads: number[]; late: number; missed: number; events: number };

export function scoreEpisodes(
  episodes: readonly Window[],
  eventTimes: readonly (number | null)[],
  alarmTimes: readonly number[],
): EpisodeOutcome {
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

export function leadRow(
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

export function merge(into: EpisodeOutcome, add: EpisodeOutcome): void {
  into.leads.push(...add.leads);
  into.late += add.late;
  into.missed += add.missed;
  into.events += add.events;
}
