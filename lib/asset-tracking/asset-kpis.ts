// The asset map's KPIs over a period (default the last 30 days), in the caller's scope: utilization per class
// (time in use / time owned) and its daily trend, idle assets (available for a day or more), time to locate
// (from a nearest search to a found asset's room being opened), and the assets missing now.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import {
  idleAssets,
  statusCounts,
  timeToLocate,
  utilizationByClass,
  utilizationTrend,
  type AssetUsage,
  type ClassUtilization,
  type Interval,
  type StatusCounts,
  type TimeToLocate,
} from "@/lib/assets/asset-map";
import { listAssets, type AssetView } from "./asset-queries";
import { ms } from "./tracking-layout";

const DAY = 86_400_000;

export type AssetKpis = {
  from: string;
  to: string;
  utilization: ClassUtilization[];
  trend: { from: number; to: number; classes: ClassUtilization[] }[];
  idle: { asset: AssetView; idleMs: number }[];
  timeToLocate: TimeToLocate;
  counts: Record<string, StatusCounts>;
  missing: AssetView[];
};

export async function loadAssetKpis(p: Principal, opts: { now?: number; days?: number; idleMs?: number } = {}): Promise<AssetKpis> {
  const now = opts.now ?? Date.now();
  const from = now - (opts.days ?? 30) * DAY;
  const assets = await listAssets(p, {}, now);
  const { sql } = await getDatabase();
  const ids = assets.map((a) => a.id);
  const uses = await sql.query<{ asset_id: string; started_at: unknown; ended_at: unknown }>(
    `SELECT asset_id, started_at, ended_at FROM asset_uses WHERE asset_id = ANY($1::text[]) AND (ended_at IS NULL OR ended_at >= $2)`,
    [ids, new Date(from).toISOString()],
  );
  const owned = await sql.query<{ id: string; created_at: unknown }>(`SELECT id, created_at FROM assets WHERE id = ANY($1::text[])`, [ids]);
  const usesOf = new Map<string, Interval[]>();
  for (const u of uses) {
    const list = usesOf.get(u.asset_id) ?? [];
    list.push({ from: ms(u.started_at)!, to: ms(u.ended_at) });
    usesOf.set(u.asset_id, list);
  }
  const createdAt = new Map(owned.map((o) => [o.id, ms(o.created_at) ?? from]));
  const usage: AssetUsage[] = assets.map((a) => ({
    id: a.id,
    class: a.class,
    owned: { from: createdAt.get(a.id) ?? from, to: null },
    uses: usesOf.get(a.id) ?? [],
  }));
  const period = { from, to: now };
  const searches = await sql.query<{ id: string; at: unknown; opened_at: unknown }>(
    `SELECT id, at, opened_at FROM asset_searches WHERE at >= $1 AND ($2::text IS NULL OR user_id = $2 OR $3)`,
    [new Date(from).toISOString(), p.userId, p.role === "admin" || p.role === "biomed"],
  );
  return {
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    utilization: utilizationByClass(usage, period),
    trend: utilizationTrend(usage, { from: Math.floor(from / DAY) * DAY + DAY, to: now }, DAY),
    idle: idleAssets(
      assets.filter((a) => a.since !== null).map((a) => ({ ...a, since: Date.parse(a.since!) })),
      now,
      opts.idleMs ?? DAY,
    ).map((i) => ({ asset: assets.find((a) => a.id === i.asset.id)!, idleMs: i.idleMs })),
    timeToLocate: timeToLocate(
      searches.map((s) => ({ id: s.id, at: ms(s.at)! })),
      searches.filter((s) => s.opened_at !== null).map((s) => ({ searchId: s.id, at: ms(s.opened_at)! })),
    ),
    counts: statusCounts(assets),
    missing: assets.filter((a) => a.status === "missing"),
  };
}
