// Reading the asset map in the caller's scope: assets with their status and room (filters by class,
// status, floor), an asset's trail of rooms over a period, and the nearest assets of a class to a bed or
// room by walking distance (each search is logged for the time-to-locate KPI). Admins and biomed see every
// floor; nurses the floors of their wards. Asset data is equipment, not patient data: no audit of reads.
import "server-only";
import crypto from "node:crypto";
import { getDatabase } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import type { Principal } from "@/lib/auth/principal";
import { assetStatus, buildRoomGraph, nearestAssets, UnknownPlaceError, type AssetStatus } from "@/lib/assets/asset-map";
import { canSeeFloor, loadFloors } from "./floor-store";
import { ASSET_ROW_SQL, loadRooms, ms, trackedAsset, type AssetRow, type RoomInfo, type TrackedAsset } from "./tracking-layout";

export { ASSET_ROLES } from "./asset-roles";

export type AssetView = {
  id: string;
  tagId: string;
  class: string;
  name: string | null;
  status: AssetStatus;
  /** Every status that applies, most important first. */
  statuses: AssetStatus[];
  state: string | null;
  roomId: string | null;
  roomName: string | null;
  floorId: string | null;
  since: string | null;
  lastSeenAt: string | null;
  deviceId: string | null;
};

export type AssetFilter = { class?: string; status?: AssetStatus; floorId?: string };

const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString());

function viewOf(a: TrackedAsset, room: RoomInfo | null, now: number): AssetView {
  const s = assetStatus(
    {
      attachedToPatient: a.attached,
      running: a.inUseSince !== null,
      soiledAt: a.soiledAt,
      cleanedAt: a.cleanedAt,
      serviceDueAt: a.serviceDueAt,
      locationState: a.state,
    },
    now,
  );
  return {
    id: a.assetId,
    tagId: a.tagId,
    class: a.class,
    name: a.name,
    status: s.status,
    statuses: s.applies,
    state: a.state,
    roomId: a.roomId,
    roomName: room?.name ?? null,
    floorId: room?.floorId ?? null,
    since: iso(a.since),
    lastSeenAt: iso(a.lastSeenAt),
    deviceId: a.deviceId,
  };
}

function visible(p: Principal, room: RoomInfo | null): boolean {
  if (p.role === "admin" || p.role === "biomed") return true;
  return room !== null && canSeeFloor(p, room);
}

export async function listAssets(p: Principal, filter: AssetFilter = {}, now = Date.now()): Promise<AssetView[]> {
  const { sql } = await getDatabase();
  const rooms = await loadRooms(sql);
  const rows = await sql.query<AssetRow>(
    `${ASSET_ROW_SQL} ${filter.class ? "WHERE a.class = $1" : ""} ORDER BY a.class, a.name, a.id`,
    filter.class ? [filter.class] : [],
  );
  const out: AssetView[] = [];
  for (const r of rows) {
    const a = trackedAsset(r);
    const room = a.roomId ? (rooms.get(a.roomId) ?? null) : null;
    if (!visible(p, room)) continue;
    if (filter.floorId && room?.floorId !== filter.floorId) continue;
    const v = viewOf(a, room, now);
    if (filter.status && v.status !== filter.status) continue;
    out.push(v);
  }
  return out;
}

export type TrailPoint = {
  roomId: string;
  roomName: string | null;
  floorId: string | null;
  previousRoomId: string | null;
  state: string;
  at: string;
};

export async function assetTrail(p: Principal, assetId: string, range: { from: number; to: number }) {
  const { sql } = await getDatabase();
  const rooms = await loadRooms(sql);
  const [asset] = await sql.query<{ id: string; room_id: string | null }>(`SELECT id, room_id FROM assets WHERE id = $1`, [assetId]);
  if (!asset) throw new Refusal("not_found", `no asset "${assetId}"`, { field: "id" });
  if (!visible(p, asset.room_id ? (rooms.get(asset.room_id) ?? null) : null))
    throw new Refusal("forbidden", "this asset is on a floor outside your wards", { field: "id" });
  const rows = await sql.query<{ room_id: string; previous_room_id: string | null; state: string; at: unknown }>(
    `SELECT room_id, previous_room_id, state, at FROM asset_room_history
      WHERE asset_id = $1 AND at >= $2 AND at <= $3 ORDER BY at, id LIMIT 5000`,
    [assetId, new Date(range.from).toISOString(), new Date(range.to).toISOString()],
  );
  const trail: TrailPoint[] = rows
    .filter((r) => visible(p, rooms.get(r.room_id) ?? null))
    .map((r) => ({
      roomId: r.room_id,
      roomName: rooms.get(r.room_id)?.name ?? null,
      floorId: rooms.get(r.room_id)?.floorId ?? null,
      previousRoomId: r.previous_room_id,
      state: r.state,
      at: new Date(ms(r.at)!).toISOString(),
    }));
  return { assetId, from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), trail };
}

export type NearestView = AssetView & { distance: number; path: string[] };

export async function nearestAssetsFor(
  p: Principal,
  q: { class: string; near: string; status?: AssetStatus; limit?: number },
  now = Date.now(),
): Promise<{ searchId: string; from: string; fromFloorId: string | null; assets: NearestView[] }> {
  const floors = await loadFloors();
  const graph = buildRoomGraph(floors);
  const assets = await listAssets(p, { class: q.class }, now);
  let found;
  try {
    found = nearestAssets(
      graph,
      q.near,
      assets.map((a) => ({ ...a, roomId: a.roomId })),
      { class: q.class, status: q.status ?? "available", limit: q.limit ?? 5 },
    );
  } catch (err) {
    if (err instanceof UnknownPlaceError)
      throw new Refusal("invalid", `${err.message} (give a bed such as 4E/3 or a room id)`, { field: "near" });
    throw err;
  }
  const fromRoom = graph.rooms.get(found.length ? found[0]!.path[0]! : (graph.bedRoom.get(q.near) ?? q.near));
  const fromFloor = fromRoom ? (floors.find((f) => f.id === fromRoom.floorId) ?? null) : null;
  if (fromFloor && !canSeeFloor(p, fromFloor))
    throw new Refusal("forbidden", "this place is on a floor outside your wards", { field: "near" });
  const searchId = crypto.randomUUID();
  const { sql } = await getDatabase();
  await sql.query(`INSERT INTO asset_searches (id, user_id, class, near, at) VALUES ($1, $2, $3, $4, $5)`, [
    searchId,
    p.userId,
    q.class,
    q.near,
    new Date(now).toISOString(),
  ]);
  return {
    searchId,
    from: fromRoom?.id ?? q.near,
    fromFloorId: fromFloor?.id ?? null,
    assets: found.map((f) => ({ ...f.asset, distance: Math.round(f.distance * 10) / 10, path: f.path })),
  };
}

/** The user opened the room of an asset a search found: the first opening ends the search (time to locate). */
export async function recordSearchOpened(p: Principal, searchId: string, roomId: string, now = Date.now()): Promise<{ recorded: boolean }> {
  const { sql } = await getDatabase();
  const rows = await sql.query(
    `UPDATE asset_searches SET opened_at = $3, opened_room_id = $4 WHERE id = $1 AND user_id = $2 AND opened_at IS NULL RETURNING id`,
    [searchId, p.userId, new Date(now).toISOString(), roomId],
  );
  return { recorded: rows.length > 0 };
}
