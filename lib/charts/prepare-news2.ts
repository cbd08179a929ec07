// Pure preparation of the NEWS2 trend on the patient page: the RCP 2017 risk bands drawn as coloured
// background areas (0–4 low, 5–6 medium, 7+ high), the value axis, the rows of the step line (a score
// holds until the next one; a silence means "not scored", never 0) and the latest score with its band.
// No React, no I/O; unit-tested.
import type { News2Payload } from "@/lib/events";
import type { Point } from "./lttb";
import { breakGaps, gapThresholdMs, type TrendRow } from "./prepare-trend";

export type News2RiskBand = "low" | "medium" | "high";
/** With the live feed the band may also be "low-medium" (a single parameter scoring 3, total 0–4). */
export type News2BandKey = NonNullable<News2Payload["band"]>;

export type News2BandArea = { band: News2RiskBand; y1: number; y2: number; label: string; color: string };

/** Band colours: ok green, then the IEC medium (yellow) and high (red) alarm colours the bands trigger. */
export const NEWS2_BAND_COLORS: Readonly<Record<News2BandKey, string>> = {
  low: "var(--color-ok)",
  "low-medium": "var(--color-alarm-medium)",
  medium: "var(--color-alarm-medium)",
  high: "var(--color-alarm-high)",
};

/** RCP clinical response per band, as shown beside the latest score. */
export const NEWS2_BAND_LABELS: Readonly<Record<News2BandKey, { short: string; response: string }>> = {
  low: { short: "Low (0–4)", response: "ward-based response" },
  "low-medium": { short: "Low–medium (a parameter scores 3)", response: "urgent ward-based review" },
  medium: { short: "Medium (5–6)", response: "urgent review within 1 hour" },
  high: { short: "High (7+)", response: "emergency assessment within 30 minutes" },
};

/**
 * The stored NEWS2 is re-written at least every 5 minutes while the set stays complete (lib/alerts
 * live-news2 heartbeat); a longer silence means the score was incomplete or stale, so the line breaks.
 */
export const NEWS2_HEARTBEAT_GAP_MS = 6 * 60_000;

/** Band of a total: 0–4 low, 5–6 medium, 7+ high (the single-parameter rule needs the components). */
export function news2RiskBand(total: number): News2RiskBand {
  if (total >= 7) return "high";
  if (total >= 5) return "medium";
  return "low";
}

/** Longest silence still drawn as one step line for this window and downsampling. */
export function news2GapMs(rangeMs: number, maxPoints: number): number {
  return Math.max(NEWS2_HEARTBEAT_GAP_MS, gapThresholdMs(rangeMs, maxPoints));
}

/** Half a point below 0, so a score of 0 is not hidden under the time axis. */
const AXIS_FLOOR = -0.5;

/** Value axis from 0: up to 10 for ordinary scores, 15 or 20 when the data reach that high. */
export function news2YDomain(points: readonly Point[]): [number, number] {
  let max = 0;
  for (const p of points) if (Number.isFinite(p.v) && p.v > max) max = p.v;
  if (max < 10) return [AXIS_FLOOR, 10];
  return [AXIS_FLOOR, max < 15 ? 15 : 20];
}

/** Ticks on the band boundaries (5, 7) and round numbers, within the axis. */
export function news2YTicks(domain: readonly [number, number]): number[] {
  return [0, 2, 5, 7, 10, 15, 20].filter((t) => t >= domain[0] && t <= domain[1]);
}

/** The three band areas, meeting half-way between integer scores so each score sits inside its band. */
export function news2BandAreas(domain: readonly [number, number]): News2BandArea[] {
  const top = domain[1];
  const areas: News2BandArea[] = [
    { band: "low", y1: domain[0], y2: 4.5, label: "Low 0–4", color: NEWS2_BAND_COLORS.low },
    { band: "medium", y1: 4.5, y2: 6.5, label: "Medium 5–6", color: NEWS2_BAND_COLORS.medium },
    { band: "high", y1: 6.5, y2: top, label: "High 7+", color: NEWS2_BAND_COLORS.high },
  ];
  return areas.filter((a) => a.y2 > a.y1);
}

/**
 * Rows for the step line (key "news2"): broken at silences longer than `gapMs`, and the latest score
 * carried to `now` while it is still current (younger than `gapMs`), as the score holds until it changes.
 */
export function news2Rows(points: readonly Point[], opts: { now: number; gapMs: number }): TrendRow[] {
  const rows = breakGaps(
    points.map((p) => ({ t: p.t, news2: p.v })),
    opts.gapMs,
  );
  const last = points.at(-1);
  if (last && opts.now > last.t && opts.now - last.t <= opts.gapMs) rows.push({ t: opts.now, news2: last.v });
  return rows;
}

export type News2Latest = {
  total: number | null;
  band: News2BandKey | null;
  /** Epoch ms of the score (or of the live message saying it is incomplete). */
  at: number;
  /** Parameters missing from the set (live feed only). */
  missing: readonly string[];
  /** Older than the heartbeat gap and not confirmed by the live feed: may no longer hold. */
  stale: boolean;
};

type LiveNews2 = Pick<News2Payload, "ts" | "total" | "band" | "missing">;

/**
 * The score to show beside the chart: the live NEWS2 message when it is at least as new as the last
 * stored score (it knows "low-medium" and what is missing), else the last stored score and its band.
 */
export function latestNews2(points: readonly Point[], live: LiveNews2 | null, now: number): News2Latest | null {
  const last = points.at(-1);
  const liveAt = live ? Date.parse(live.ts) : NaN;
  if (live && Number.isFinite(liveAt) && (!last || liveAt >= last.t)) {
    return { total: live.total, band: live.band, at: liveAt, missing: live.missing, stale: false };
  }
  if (!last) return null;
  return { total: last.v, band: news2RiskBand(last.v), at: last.t, missing: [], stale: now - last.t > NEWS2_HEARTBEAT_GAP_MS };
}
