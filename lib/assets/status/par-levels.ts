// Par levels: the least number of available assets of a class a floor (ward) should hold, e.g. 3 available
// infusion pumps on 4E. A shortfall is raised once when it appears (newShortfalls), for a low-priority
// alert to the charge nurse, and clears when the floor is back at par.
import type { AssetStatus } from "@/lib/assets/asset-types";

export type ParLevel = { floorId: string; class: string; minimum: number };
export type ParAsset = { class: string; status: AssetStatus; floorId: string | null };
export type ParShortfall = ParLevel & { available: number };

export function parShortfalls(levels: readonly ParLevel[], assets: readonly ParAsset[]): ParShortfall[] {
  const available = new Map<string, number>();
  for (const a of assets) {
    if (a.status !== "available" || a.floorId === null) continue;
    const key = `${a.floorId}\u0000${a.class}`;
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  const out: ParShortfall[] = [];
  for (const level of levels) {
    const n = available.get(`${level.floorId}\u0000${level.class}`) ?? 0;
    if (n < level.minimum) out.push({ ...level, available: n });
  }
  return out;
}

/** Shortfalls in `current` that were not already short in `previous` (same floor and class). */
export function newShortfalls(previous: readonly ParShortfall[], current: readonly ParShortfall[]): ParShortfall[] {
  const before = new Set(previous.map((s) => `${s.floorId}\u0000${s.class}`));
  return current.filter((s) => !before.has(`${s.floorId}\u0000${s.class}`));
}
