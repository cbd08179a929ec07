// Par levels in the database: per floor (a ward's floor) and asset class, the least number of available
// assets; the location service reloads them (asset:layout) and alerts the charge nurse below par.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { isAssetClass } from "@/lib/assets/asset-map";
import { eventBus } from "@/lib/bus/event-bus";

export type StoredParLevel = { floorId: string; class: string; minimum: number };

export async function listParLevels(): Promise<StoredParLevel[]> {
  const prisma = await getPrisma();
  const rows = await prisma.assetParLevel.findMany({ orderBy: [{ floorId: "asc" }, { class: "asc" }] });
  return rows.map((r) => ({ floorId: r.floorId, class: r.class, minimum: r.minimum }));
}

/** Sets a floor's par level for a class; 0 removes it (no alert for that class). */
export async function setParLevel(level: StoredParLevel): Promise<StoredParLevel> {
  if (!isAssetClass(level.class)) throw new Refusal("invalid", `unknown asset class "${level.class}"`, { field: "class" });
  if (!Number.isInteger(level.minimum) || level.minimum < 0 || level.minimum > 999)
    throw new Refusal("invalid", "must be a whole number from 0 to 999", { field: "minimum" });
  const prisma = await getPrisma();
  if (!(await prisma.mapFloor.findUnique({ where: { id: level.floorId }, select: { id: true } })))
    throw new Refusal("invalid", `no floor "${level.floorId}"`, { field: "floorId" });
  const key = { floorId_class: { floorId: level.floorId, class: level.class } };
  if (level.minimum === 0) await prisma.assetParLevel.deleteMany({ where: { floorId: level.floorId, class: level.class } });
  else await prisma.assetParLevel.upsert({ where: key, create: level, update: { minimum: level.minimum } });
  eventBus().publish("asset:layout", { reason: "par", id: level.floorId });
  return level;
}
