"use client";
// One bed on the central station. Memoised: it re-renders only when its bed's data or one of its
// clock-derived primitives (freshness, NEWS2, aged vitals, top alarm) changes; the data age ticks in its
// own tiny component. Missing values show "—", never 0. The patient's top open alarm is a strip in its
// IEC colour (flashing while unacknowledged: high fast red, medium slow yellow; low and INOP steady cyan;
// acknowledged: dashed outline, no fill, "ACK"). The tile fills the cell the ward grid gives it
// (ward-grid-layout.ts): `density` trims spacing and type size, never the patient's name.
import Link from "next/link";
import { memo, useCallback, useMemo, type ReactNode } from "react";
import { Sparkline } from "@/components/charts/sparkline";
import { useClock } from "@/components/live/use-now";
import { formatAge } from "@/lib/charts/data-age";
import { prepareSparkline } from "@/lib/charts/prepare-sparkline";
import { formatMetric, METRICS, type MetricKey } from "@/lib/domain/metrics";
import type { BedTile } from "@/lib/store/ward-types";
import type { AlertPriority, AlertState } from "@/lib/events";
import { alarmClass, flashes, PRIORITY_SHORT, priorityTextClass, priorityTitle } from "@/components/alerts/presentation";
import type { BedSummary } from "./bed-summary";
import { abbreviateAlarm, charsThatFit, tileName } from "./tile-text";
import type { TileDensity } from "./ward-grid-layout";
import type { LiveBed } from "./ward-live-state";

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

export type BedTileProps = BedSummary & TileAlarmProps & TileFit & { bed: LiveBed; sparklineMs: number };

// Drawing units; the SVG stretches to the space left beside the numbers.
const SPARK_W = 100;
const SPARK_H = 36;

function DataAge({ ts }: { ts: number | null }) {
  const select = useCallback((now: number) => (ts === null ? "no data" : now === 0 ? "" : formatAge(now - ts)), [ts]);
  return (
    <span className="tabular whitespace-nowrap text-ink-muted" data-testid="data-age">
      {useClock(select)}
    </span>
  );
}

function value(bed: BedTile, key: MetricKey): string {
  const v = bed.latest[key]?.v;
  return v === undefined || !Number.isFinite(v) ? "—" : formatMetric(key, v);
}

/** The number itself (data-metric for tests); dimmed when too old to score, "?" when a suspected artifact. */
function Num({ bed, k, aged, className }: { bed: LiveBed; k: MetricKey; aged: boolean; className: string }) {
  const artifact = bed.artifacts?.includes(k) ?? false;
  const title = artifact ? "Suspected artifact: not used in NEWS2" : aged ? "Older than 15 min: not used in NEWS2" : undefined;
  return (
    <>
      <span data-metric={k} title={title} className={`tabular ${className} ${aged || artifact ? "opacity-45" : ""}`}>
        {value(bed, k)}
      </span>
      {artifact && (
        <span aria-label="suspected artifact" className="align-super text-xs font-bold text-alarm-low">
          ?
        </span>
      )}
    </>
  );
}

/** A vital with its name and unit above the number. */
function Reading({ name, unit, className, children }: { name: string; unit: string | null; className: string; children: ReactNode }) {
  return (
    <span className={`flex flex-col ${className}`}>
      <span className="text-[0.65rem] leading-3 whitespace-nowrap">
        <span className="font-semibold uppercase tracking-wide text-ink-faint">{name}</span>
        {unit && <span className="text-ink-muted"> {unit}</span>}
      </span>
      {children}
    </span>
  );
}

function News2Badge(
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

function AlarmStrip(p: TileAlarmProps & TileFit) {
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

function borderFor(p: BedTileProps): string {
  if (p.alarmState === "active" && p.alarmPriority === "high") return "border-2 border-alarm-high";
  if (p.alarmState === "active" && p.alarmPriority === "medium" && p.news2Band !== "high") return "border-2 border-alarm-medium";
  if (p.news2Band === "high") return "border-2 border-alarm-high";
  if (p.news2Band === "medium") return "border-2 border-alarm-medium";
  if (p.news2Band === "low-medium" || p.anySingleThree) return "border border-alarm-medium/70";
  if (p.freshness === "offline") return "border border-alarm-low/70";
  return "border border-line";
}

/** The patient's name in full (it wraps rather than being cut); only a name longer than two lines is shortened. */
function TileName({ name, tileWidth, small }: { name: string; tileWidth: number; small: boolean }) {
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
function Freshness({ freshness, newestTs, narrow }: Pick<BedSummary, "freshness" | "newestTs"> & { narrow: boolean }) {
  return (
    <span className="flex shrink-0 items-center gap-1 text-xs leading-4">
      {freshness === "stale" && <span className="rounded border border-alarm-low px-1 text-[0.6rem] font-bold text-alarm-low">STALE</span>}
      {freshness === "offline" && <span className="badge-inop rounded px-1 text-[0.6rem] font-bold">OFFLINE</span>}
      {!(narrow && freshness === "offline") && <DataAge ts={newestTs} />}
    </span>
  );
}

function OccupiedTile(p: BedTileProps & { patient: NonNullable<BedTile["patient"]> }) {
  const { bed, patient } = p;
  const aged = new Set(p.agedMetrics.split(","));
  const offline = p.freshness === "offline";
  const dense = p.density === "dense";
  const big = p.density === "comfortable" ? "text-3xl" : "text-2xl";
  const who = `${patient.age} y · MRN ${patient.mrn}`;
  // The MRN only where it fits whole beside the NEWS2 badge and the data age (it is in the title anyway).
  const identity = charsThatFit(p.tileWidth - 16 - 72 - 44, 12) >= who.length ? who : `${patient.age} y`;
  const segments = useMemo(
    () => prepareSparkline(bed.sparkline, { width: SPARK_W, height: SPARK_H, windowMs: p.sparklineMs, minSpan: 20, gapMs: 60_000 }),
    [bed.sparkline, p.sparklineMs],
  );
  const hr = (
    <Reading name="HR" unit={dense ? null : METRICS.heart_rate.display} className={`shrink-0 text-vital-hr ${offline ? "opacity-50" : ""}`}>
      <Num bed={bed} k="heart_rate" aged={aged.has("heart_rate")} className={`${big} font-bold leading-none`} />
    </Reading>
  );
  const spo2 = (
    <Reading name="SpO₂" unit={dense ? null : METRICS.spo2.display} className={`shrink-0 text-vital-spo2 ${offline ? "opacity-50" : ""}`}>
      <Num bed={bed} k="spo2" aged={aged.has("spo2")} className={`${big} font-bold leading-none`} />
    </Reading>
  );
  return (
    <Link
      href={`/patients/${patient.id}`}
      // No prefetch: rendering a patient page is an audited read of that patient's data.
      prefetch={false}
      data-testid="bed-tile"
      data-bed={bed.label}
      data-density={p.density}
      data-freshness={p.freshness}
      data-news2={p.news2Total ?? ""}
      data-alarm={p.alarmPriority ?? undefined}
      title={`Bed ${bed.label} · ${patient.name} · ${who}`}
      className={`flex h-full flex-col overflow-hidden rounded-md bg-panel px-2 hover:bg-panel-raised ${p.density === "comfortable" ? "gap-1 py-1.5" : "gap-0.5 py-1"} ${borderFor(p)}`}
    >
      <div className="flex items-start gap-1.5">
        <span className="shrink-0 rounded bg-panel-raised px-1.5 text-base font-bold leading-5 tabular">{bed.label}</span>
        <TileName name={patient.name} tileWidth={p.tileWidth} small={dense} />
      </div>
      {!dense && (
        <div className="flex items-center gap-1.5 text-xs leading-4 text-ink-muted">
          <News2Badge {...p} short={p.tileWidth < 270} />
          <span className="min-w-0 whitespace-nowrap">{identity}</span>
          <span className="ml-auto">
            <Freshness freshness={p.freshness} newestTs={p.newestTs} narrow={false} />
          </span>
        </div>
      )}
      <AlarmStrip {...p} />
      <div className={`flex flex-1 items-end ${dense ? "gap-2" : "gap-3"}`}>
        {hr}
        {spo2}
        {dense ? (
          <span className="ml-auto flex flex-col items-end gap-0.5">
            <News2Badge {...p} short />
            <Freshness freshness={p.freshness} newestTs={p.newestTs} narrow />
          </span>
        ) : (
          <Sparkline
            segments={segments}
            width={SPARK_W}
            height={SPARK_H}
            label={`Pulse, last ${Math.round(p.sparklineMs / 60_000)} minutes`}
            className="h-7 min-w-0 flex-1 text-vital-hr"
          />
        )}
      </div>
      {dense ? (
        <div className={`flex gap-x-2 text-xs leading-4 whitespace-nowrap ${offline ? "opacity-50" : ""}`}>
          <span className="text-vital-resp">
            <span className="text-ink-faint">RR </span>
            <Num bed={bed} k="resp_rate" aged={aged.has("resp_rate")} className="font-semibold" />
          </span>
          <span className="text-vital-bp">
            <span className="text-ink-faint">BP </span>
            <Num bed={bed} k="bp_sys" aged={aged.has("bp_sys")} className="font-semibold" />/
            <Num bed={bed} k="bp_dia" aged={aged.has("bp_dia")} className="font-semibold" />
          </span>
          <span className="text-vital-temp">
            <span className="text-ink-faint">T </span>
            <Num bed={bed} k="temp" aged={aged.has("temp")} className="font-semibold" />
          </span>
        </div>
      ) : (
        <div className={`grid grid-cols-[auto_1fr_auto] gap-x-3 text-sm leading-5 ${offline ? "opacity-50" : ""}`}>
          <Reading name="RR" unit={METRICS.resp_rate.display} className="text-vital-resp">
            <Num bed={bed} k="resp_rate" aged={aged.has("resp_rate")} className="font-semibold" />
          </Reading>
          <Reading name="BP" unit={METRICS.bp_sys.display} className="text-vital-bp">
            <span className="whitespace-nowrap font-semibold">
              <Num bed={bed} k="bp_sys" aged={aged.has("bp_sys")} className="" />/
              <Num bed={bed} k="bp_dia" aged={aged.has("bp_dia")} className="" />
            </span>
          </Reading>
          <Reading name="Temp" unit={METRICS.temp.display} className="text-vital-temp">
            <Num bed={bed} k="temp" aged={aged.has("temp")} className="font-semibold" />
          </Reading>
        </div>
      )}
    </Link>
  );
}

export const BedTileCard = memo(function BedTileCard(p: BedTileProps) {
  if (!p.bed.patient) {
    return (
      <div
        data-testid="bed-tile"
        data-bed={p.bed.label}
        data-empty="true"
        className="flex h-full items-start gap-1.5 overflow-hidden rounded-md border border-dashed border-line px-2 py-1.5 text-ink-faint"
      >
        <span className="rounded bg-panel px-1.5 text-base font-bold leading-5">{p.bed.label}</span>
        <span className="leading-5">Empty bed</span>
      </div>
    );
  }
  return <OccupiedTile {...p} patient={p.bed.patient} />;
});
