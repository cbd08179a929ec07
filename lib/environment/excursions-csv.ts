// The environment compliance record as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
// comma, quote or line break, quotes doubled). Times are ISO 8601 UTC; the duration is in minutes with
// one decimal (an ongoing excursion's duration is up to the time of export). Free-text fields that a
// spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe. kind is
// high | low | data_gap; profile is the profile with its range ("Vaccine fridge (2–8 °C)").
import type { ExcursionView } from "./excursion-types";

export const EXCURSION_CSV_COLUMNS = [
  "excursion_id",
  "device_id",
  "location",
  "ward",
  "profile",
  "kind",
  "started_at",
  "ended_at",
  "ongoing",
  "duration_min",
  "min_c",
  "max_c",
  "alert_id",
  "corrective_action",
  "action_by",
  "action_at",
] as const;

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** User- or device-supplied text: quoted, and defused if a spreadsheet would read it as a formula. */
function text(v: string | null): string {
  if (v === null || v === "") return "";
  return quote(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
}

function num(v: number | null): string {
  return v === null || !Number.isFinite(v) ? "" : String(v);
}

export function excursionsToCsv(rows: readonly ExcursionView[]): string {
  const lines = [EXCURSION_CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [
        text(r.id),
        text(r.deviceId),
        text(r.location),
        text(r.wardCode ?? r.wardId),
        text(r.profileLabel ?? r.profile),
        r.kind,
        r.startedAt,
        r.endedAt ?? "",
        r.ongoing ? "yes" : "no",
        (Math.round(r.durationMs / 6000) / 10).toFixed(1),
        num(r.minC),
        num(r.maxC),
        text(r.alertId),
        text(r.correctiveAction),
        text(r.actionBy?.name ?? null),
        r.actionAt ?? "",
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
