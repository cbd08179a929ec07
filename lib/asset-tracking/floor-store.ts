// Floor plans in the database: an imported Floor (lib/assets) is stored as a floor row with its rooms;
// saving replaces the floor's rooms in one transaction (rooms a gateway hangs in may not disappear).
// Reads give the Floor model back, and the floors a caller may see (a floor of a ward: that ward's
// nurses; admins and biomed: all).
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { importFloor, type Floor, type Point, type Room, type RoomLink, type RoomType } from "@/lib/assets/asset-map";
import type { Principal } from "@/lib/auth/principal";
import { eventBus } from "@/lib/bus/event-bus";

export const DEFAULT_SITE = { id: "main", name: "Main hospital" };

export type StoredFloor = Floor & { siteId: string; wardId: string | null; updatedAt: string };

/** Validates an import body (GeoJSON or SVG-derived JSON) and stores it under `id` (the body's own id is ignored). */
export async function importAndSaveFloor(
  id: string,
  body: unknown,
  opts: { name?: string; wardId?: string | null; siteId?: string } = {},
): Promise<StoredFloor> {
  const r = importFloor(body, { id, ...(opts.name ? { name: opts.name } : {}) });
  if (!r.ok) throw new Refusal("invalid", r.error, { issues: r.issues.map((i) => ({ field: `body.${i.field}`, reason: i.reason })) });
  return saveFloor(r.floor, opts);
}

export async function saveFloor(floor: Floor, opts: { wardId?: string | null; siteId?: string } = {}): Promise<StoredFloor> {
  const prisma = await getPrisma();
  const siteId = opts.siteId ?? DEFAULT_SITE.id;
  if (siteId === DEFAULT_SITE.id) await prisma.mapSite.upsert({ where: { id: siteId }, create: DEFAULT_SITE, update: {} });
  else if (!(await prisma.mapSite.findUnique({ where: { id: siteId } })))
    throw new Refusal("invalid", `no site "${siteId}"`, { field: "siteId" });
  const clash = await prisma.mapRoom.findMany({
    where: { id: { in: floor.rooms.map((r) => r.id) }, floorId: { not: floor.id } },
    select: { id: true, floorId: true },
  });
  if (clash.length)
    throw new Refusal("invalid", `room id "${clash[0]!.id}" already belongs to floor "${clash[0]!.floorId}"`, { field: "rooms" });
  const keep = new Set(floor.rooms.map((r) => r.id));
  const placed = await prisma.bleGateway.findMany({ where: { room: { floorId: floor.id } }, select: { deviceId: true, roomId: true } });
  const orphan = placed.find((g) => !keep.has(g.roomId));
  if (orphan)
    throw new Refusal("conflict", `room "${orphan.roomId}" holds gateway "${orphan.deviceId}"; move the gateway first`, { field: "rooms" });
  const existing = await prisma.mapFloor.findUnique({ where: { id: floor.id }, select: { wardId: true } });
  const wardId = opts.wardId === undefined ? (existing?.wardId ?? null) : opts.wardId;
  const adjacency = JSON.parse(JSON.stringify(floor.adjacency)) as object;
  const saved = await prisma.$transaction(async (tx) => {
    const f = await tx.mapFloor.upsert({
      where: { id: floor.id },
      create: { id: floor.id, siteId, name: floor.name, wardId, adjacency },
      update: { siteId, name: floor.name, wardId, adjacency, updatedAt: new Date() },
    });
    await tx.mapRoom.deleteMany({ where: { floorId: floor.id, id: { notIn: [...keep] } } });
    for (const [position, r] of floor.rooms.entries()) {
      const data = {
        floorId: floor.id,
        name: r.name,
        type: r.type,
        polygon: r.polygon.map((p) => [p[0], p[1]]),
        centroid: [...r.centroid],
        beds: r.beds,
        position,
      };
      await tx.mapRoom.upsert({ where: { id: r.id }, create: { id: r.id, ...data }, update: data });
    }
    return f;
  });
  eventBus().publish("asset:layout", { reason: "floor", id: floor.id });
  return { ...floor, siteId, wardId: saved.wardId, updatedAt: saved.updatedAt.toISOString() };
}

type RoomRow = { id: string; floorId: string; name: string; type: string; polygon: unknown; centroid: unknown; beds: unknown };

function roomOf(r: RoomRow): Room {
  return {
    id: r.id,
    name: r.name,
    type: r.type as RoomType,
    polygon: r.polygon as Point[],
    centroid: r.centroid as Point,
    beds: (r.beds as string[]) ?? [],
  };
}

/** Every floor (for the location service and the walking graph). */
export async function loadFloors(where: { ids?: string[] } = {}): Promise<StoredFloor[]> {
  const prisma = await getPrisma();
  const floors = await prisma.mapFloor.findMany({
    where: where.ids ? { id: { in: where.ids } } : {},
    orderBy: { id: "asc" },
    include: { rooms: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
  });
  return floors.map((f) => ({
    id: f.id,
    name: f.name,
    siteId: f.siteId,
    wardId: f.wardId,
    updatedAt: f.updatedAt.toISOString(),
    adjacency: f.adjacency as unknown as RoomLink[],
    rooms: f.rooms.map(roomOf),
  }));
}

/** Who may see a floor: admins and biomed every floor; nurses the floors of their wards (and floors of no ward). */
export function canSeeFloor(p: Principal, floor: { wardId: string | null }): boolean {
  if (p.role === "admin" || p.role === "biomed") return true;
  if (p.role !== "nurse") return false;
  return floor.wardId === null || p.wardIds.includes(floor.wardId);
}

export async function listVisibleFloors(p: Principal): Promise<StoredFloor[]> {
  return (await loadFloors()).filter((f) => canSeeFloor(p, f));
}
