"use client";
// The text parts of a bed tile (bed-tile.tsx): the patient's name (in full, wrapping), the NEWS2 badge,
// the freshness and data age, and the alarm banner fitted to the tile's width (tile-text.ts).
import { useCallback } from "react";
import { useClock } from "@/components/live/use-now";
import { formatAge } from "@/lib/charts/data-age";
import type { AlertPriority, AlertState } from "@/lib/events";
import { alarmClass, flashes, PRIORITY_SHORT, priorityTextClass, priorityTitle } from "@/components/alerts/presentation";
import type { BedSummary } from "./bed-summary";
import { abbreviateAlarm, charsThatFit, tileName } from "./tile-text";
import type { TileDensity } from "./ward-grid-layout";

/** The patient's top open alarm, as primitives so the memoised tile compares cheaply. */
export type TileAlarmProps = {
  alarmId: string | null;
  alarmPriority: AlertPriority | null;
  alarmState: AlertState | null;
  alarmMessage: string | null;
  alarmRule: string | null;
  /** Open alarms of the patient (the strip shows "+n" for the others). */
  alarmCount: number;
};

/** How the ward grid sized this tile: its density and width in pixels (text is fitted to it). */
export type TileFit = { density: TileDensity; tileWidth: number };

export function DataAge({ ts }: { ts: number | null }) {
  const select = useCallback((now: number) => (ts === null ? "no data" : now === 0 ? "" : formatAge(now - ts)), [ts]);
  return (
    <span className="tabular whitespace-nowrap text-ink-muted" data-testid="data-age">
      {useClock(select)}
    </span>
  );
}

export function News2Badge(
  p: Pick<BedSummary, "news2Total" | "news2Complete" | "news2Band" | "anySingleThree" | "news2Missing"> & { short: boolean },
) {
  const base = "shrink-0 rounded px-1 text-xs leading-4 font-bold tabular whitespace-nowrap";
  if (!p.news2Complete || p.news2Total === null) {
    const tone = p.anySingleThree
      ? "border-2 border-alarm-medium text-alarm-medium"
      : "border border-dashed border-line-strong text-ink-muted";
    return (
      <span
        className={`${base} ${tone}`}
        title={`Not scored (missing, older than 15 min or suspected artifact): ${p.news2Missing}`}
        data-testid="news2"
      >
        {p.short ? (
          <>
            NEWS2 <span aria-hidden>–</span>
            <span className="sr-only">incomplete</span>
          </>
        ) : (
          "NEWS2 incomplete"
        )}
      </span>
    );
  }
  const tone =
    p.news2Band === "high"
      ? "badge-high"
      : p.news2Band === "medium"
        ? "badge-medium"
        : p.news2Band === "low-medium"
          ? "border-2 border-alarm-medium text-alarm-medium"
          : "border border-ok/50 text-ok";
  return (
    <span className={`${base} ${tone}`} title={`NEWS2 ${p.news2Total} (${p.news2Band ?? "unknown"} risk)`} data-testid="news2">
      NEWS2 {p.news2Total}
    </span>
  );
}

export function AlarmStrip(p: TileAlarmProps & TileFit) {
  if (!p.alarmPriority || !p.alarmState) return null;
  const acked = p.alarmState === "acknowledged";
  const dense = p.density !== "comfortable";
  // Room for the text beside the priority label, ACK and "+n"; two lines on comfortable tiles only.
  const perLine = charsThatFit(p.tileWidth - 16 - 12 - 36 - (acked ? 26 : 0) - (p.alarmCount > 1 ? 20 : 0), 12);
  const text = abbreviateAlarm(p.alarmMessage ?? "", dense ? perLine : perLine * 2 - 4, p.alarmRule);
  return (
    <div
      data-testid="tile-alarm"
      data-priority={p.alarmPriority}
      data-state={p.alarmState}
      data-flashing={flashes(p.alarmPriority, p.alarmState) || undefined}
      title={`${priorityTitle(p.alarmPriority)}${acked ? ", acknowledged" : ""}: ${p.alarmMessage ?? ""}`}
      className={`flex shrink-0 items-start gap-1.5 rounded px-1.5 py-px text-xs leading-4 ${alarmClass(p.alarmPriority, p.alarmState)}`}
    >
      <span className={`shrink-0 font-bold tracking-wide ${priorityTextClass(p.alarmPriority)}`}>{PRIORITY_SHORT[p.alarmPriority]}</span>
      <span data-testid="tile-alarm-text" className={`min-w-0 flex-1 font-semibold ${dense ? "line-clamp-1" : "line-clamp-2"}`}>
        {text}
      </span>
      {acked && (
        <span className="shrink-0 text-[0.6rem] font-bold text-ink-muted" title="Acknowledged">
          ACK
        </span>
      )}
      {p.alarmCount > 1 && <span className="shrink-0 tabular text-ink-muted">+{p.alarmCount - 1}</span>}
    </div>
  );
}

/** The patient's name in full (it wraps rather than being cut); only a name longer than two lines is shortened. */
export function TileName({ name, tileWidth, small }: { name: string; tileWidth: number; small: boolean }) {
  const twoLines = 2 * charsThatFit(tileWidth - 16 - 34, small ? 14 : 16);
  const shown = name.length > twoLines ? tileName(name, twoLines) : name;
  return (
    <span
      data-testid="tile-name"
      className={`min-w-0 flex-1 font-semibold leading-5 [overflow-wrap:anywhere] ${small ? "text-sm" : ""}`}
      title={name}
    >
      {shown === name ? (
        name
      ) : (
        <>
          <span aria-hidden>{shown}</span>
          <span className="sr-only">{name}</span>
        </>
      )}
    </span>
  );
}

/** STALE / OFFLINE and the data age; a narrow tile shows OFFLINE alone (its age says nothing more). */
export function Freshness({ freshness, newestTs, narrow }: Pick<BedSummary, "freshness" | "newestTs"> & { narrow: boolean }) {
  return (
    <span className="flex shrink-0 items-center gap-1 text-xs leading-4">
      {freshness === "stale" && <span className="rounded border border-alarm-low px-1 text-[0.6rem] font-bold text-alarm-low">STALE</span>}
      {freshness === "offline" && <span className="badge-inop rounded px-1 text-[0.6rem] font-bold">OFFLINE</span>}
      {!(narrow && freshness === "offline") && <DataAge ts={newestTs} />}
    </span>
  );
}
