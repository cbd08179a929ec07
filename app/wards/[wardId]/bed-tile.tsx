"use client";
// One bed on the central station. Memoised: it re-renders only when its bed's data or one of its
// clock-derived primitives (freshness, NEWS2, aged vitals, top alarm) changes; the data age ticks in its
// own tiny component. Missing values show "—", never 0. The patient's top open alarm is a strip in its
// IEC colour (flashing while unacknowledged: high fast red, medium slow yellow; low and INOP steady cyan;
// acknowledged: dashed outline, no fill, "ACK"). The tile fills the cell the ward grid gives it
// (ward-grid-layout.ts): `density` trims spacing and type size, never the patient's name.
import Link from "next/link";
import { memo, useMemo, type ReactNode } from "react";
import { Sparkline } from "@/components/charts/sparkline";
import { prepareSparkline } from "@/lib/charts/prepare-sparkline";
import { sparklinePoints } from "@/lib/charts/sparkline-points";
import { formatMetric, METRICS, type MetricKey } from "@/lib/domain/metrics";
import type { BedTile } from "@/lib/store/ward-types";
import type { BedSummary } from "./bed-summary";
import { AlarmStrip, Freshness, News2Badge, TileName, type TileAlarmProps, type TileFit } from "./bed-tile-parts";
import { charsThatFit } from "./tile-text";
import type { LiveBed } from "./ward-live-state";

export type BedTileProps = BedSummary & TileAlarmProps & TileFit & { bed: LiveBed; sparklineMs: number };

// Drawing units; the SVG stretches to the space left beside the numbers.
const SPARK_W = 100;
const SPARK_H = 36;

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

function borderFor(p: BedTileProps): string {
  if (p.alarmState === "active" && p.alarmPriority === "high") return "border-2 border-alarm-high";
  if (p.alarmState === "active" && p.alarmPriority === "medium" && p.news2Band !== "high") return "border-2 border-alarm-medium";
  if (p.news2Band === "high") return "border-2 border-alarm-high";
  if (p.news2Band === "medium") return "border-2 border-alarm-medium";
  if (p.news2Band === "low-medium" || p.anySingleThree) return "border border-alarm-medium/70";
  if (p.freshness === "offline") return "border border-alarm-low/70";
  return "border border-line";
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
    // Live readings grow the series at 1 Hz; the drawn line is bounded (min and max per bucket keep spikes).
    () =>
      prepareSparkline(sparklinePoints(bed.sparkline), {
        width: SPARK_W,
        height: SPARK_H,
        windowMs: p.sparklineMs,
        minSpan: 20,
        gapMs: 60_000,
      }),
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
