// What a tile shows that depends on the clock: data freshness, NEWS2 from readings no older than
// 15 minutes, and which vitals are too old to count. Pure; the result is all primitives so memoised
// tiles re-render only when something visible changes.
import { freshness, toEpoch, type Freshness } from "@/lib/charts/data-age";
import { freshNews2Input, scoreNews2, type News2Band } from "@/lib/domain/news2";
import { METRICS, WARD_VITALS, isMetricKey } from "@/lib/domain/metrics";
import type { LiveBed } from "./ward-live-state";

/** A reading older than this does not count towards NEWS2 and is shown dimmed. */
export const NEWS2_WINDOW_MS = 15 * 60_000;

export type BedSummary = {
  freshness: Freshness;
  /** Newest vital sign time (epoch ms), or null when there is none. */
  newestTs: number | null;
  news2Total: number | null;
  /** Sum of the parameters that are known, for ordering incomplete scores; null when none is known. */
  news2Partial: number | null;
  news2Complete: boolean;
  news2Band: News2Band | null;
  anySingleThree: boolean;
  /** Labels of the NEWS2 parameters missing or too old, comma separated ("" when complete). */
  news2Missing: string;
  /** Keys of the tile vitals older than the NEWS2 window, comma separated. */
  agedMetrics: string;
};

export function newestVital(bed: LiveBed): number | null {
  let newest: number | null = null;
  for (const key of WARD_VITALS) {
    const t = toEpoch(bed.latest[key]?.t);
    if (t !== null && (newest === null || t > newest)) newest = t;
  }
  return newest;
}

function label(key: string): string {
  return isMetricKey(key) ? METRICS[key].label : key;
}

/** Suspected artifacts are shown but never scored: they count as missing. */
function scorable(bed: LiveBed): LiveBed["latest"] {
  if (!bed.artifacts?.length) return bed.latest;
  const out = { ...bed.latest };
  for (const k of bed.artifacts) if (isMetricKey(k)) delete out[k];
  return out;
}

export function summariseBed(bed: LiveBed, now: number, spo2Scale: 1 | 2 = 1): BedSummary {
  const newestTs = newestVital(bed);
  const news2 = scoreNews2(freshNews2Input(scorable(bed), now, NEWS2_WINDOW_MS), { spo2Scale });
  const known = Object.values(news2.components);
  const aged = WARD_VITALS.filter((k) => {
    const t = toEpoch(bed.latest[k]?.t);
    return t !== null && now - t > NEWS2_WINDOW_MS;
  });
  return {
    freshness: freshness(newestTs, now),
    newestTs,
    news2Total: news2.total,
    news2Partial: known.length ? known.reduce((a, b) => a + b, 0) : null,
    news2Complete: news2.complete,
    news2Band: news2.band,
    anySingleThree: news2.anySingleThree,
    news2Missing: news2.missing.map(label).join(", "),
    agedMetrics: aged.join(","),
  };
}
