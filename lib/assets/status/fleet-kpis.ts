// Fleet KPIs from current statuses and search logs: idle assets (available for longer than a threshold),
// counts per class and status (missing among them), and time to locate (from a search to the found
// asset's room being opened).
import { ASSET_STATUSES, type AssetStatus } from "@/lib/assets/asset-types";

export type AssetStatusSpan = { id: string; class: string; status: AssetStatus; since: number };

/** Assets available for at least minIdleMs, longest idle first. */
export function idleAssets<T extends AssetStatusSpan>(
  assets: readonly T[],
  now: number,
  minIdleMs: number,
): { asset: T; idleMs: number }[] {
  return assets
    .filter((a) => a.status === "available" && now - a.since >= minIdleMs)
    .map((asset) => ({ asset, idleMs: now - asset.since }))
    .sort((p, q) => q.idleMs - p.idleMs || (p.asset.id < q.asset.id ? -1 : 1));
}

export type StatusCounts = Record<AssetStatus, number> & { total: number };

const zero = (): StatusCounts => ({ ...(Object.fromEntries(ASSET_STATUSES.map((s) => [s, 0])) as Record<AssetStatus, number>), total: 0 });

/** Counts per class and overall (class "*"). `counts["*"].missing` is the missing count. */
export function statusCounts(assets: readonly { class: string; status: AssetStatus }[]): Record<string, StatusCounts> {
  const out: Record<string, StatusCounts> = { "*": zero() };
  for (const a of assets) {
    const row = (out[a.class] ??= zero());
    row[a.status]++;
    row.total++;
    out["*"]![a.status]++;
    out["*"]!.total++;
  }
  return out;
}

export type LocateSearch = { id: string; at: number };
/** The user opened the room of an asset the search found. */
export type LocateFound = { searchId: string; at: number };

export type TimeToLocate = {
  searches: number;
  found: number;
  /** Searches with no room opened within timeoutMs. */
  notFound: number;
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
};

/** Each search counts once, with the first room opened after it within timeoutMs (default 30 min). */
export function timeToLocate(
  searches: readonly LocateSearch[],
  found: readonly LocateFound[],
  opts: { timeoutMs?: number } = {},
): TimeToLocate {
  const timeoutMs = opts.timeoutMs ?? 30 * 60_000;
  const at = new Map(searches.map((s) => [s.id, s.at]));
  const first = new Map<string, number>();
  for (const f of found) {
    const start = at.get(f.searchId);
    if (start === undefined) continue;
    const d = f.at - start;
    if (d < 0 || d > timeoutMs) continue;
    const prev = first.get(f.searchId);
    if (prev === undefined || d < prev) first.set(f.searchId, d);
  }
  const ds = [...first.values()].sort((p, q) => p - q);
  return {
    searches: at.size,
    found: ds.length,
    notFound: at.size - ds.length,
    medianMs: ds.length ? (ds.length % 2 ? ds[(ds.length - 1) / 2]! : (ds[ds.length / 2 - 1]! + ds[ds.length / 2]!) / 2) : null,
    p90Ms: ds.length ? ds[Math.ceil(0.9 * ds.length) - 1]! : null,
    meanMs: ds.length ? ds.reduce((s, d) => s + d, 0) / ds.length : null,
  };
}
