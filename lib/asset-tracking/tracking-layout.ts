// What the location service needs from the database, loaded in four queries: rooms (with their floor and
// ward), where each active gateway hangs, the tracked assets with their last known place and status facts,
// and the par levels.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { RoomType, ParLevel, TagState } from "@/lib/assets/asset-map";

export type RoomInfo = { id: string; name: string; type: RoomType; floorId: string; wardId: string | null };

export type TrackedAsset = {
  assetId: string;
  tagId: string;
  class: string;
  name: string | null;
  deviceId: string | null;
  /** Its registered device is assigned to a patient or a bed. */
  attached: boolean;
  serviceDueAt: number | null;
  createdAt: number;
  roomId: string | null;
  state: TagState | null;
  since: number | null;
  lastSeenAt: number | null;
  inUseSince: number | null;
  soiledAt: number | null;
  cleanedAt: number | null;
};

export type TrackingLayout = {
  rooms: Map<string, RoomInfo>;
  gateways: Map<string, string>;
  assets: Map<string, TrackedAsset>;
  parLevels: ParLevel[];
};

export function ms(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  const t = Date.parse(String(v));
  return Number.isNaN(t) ? null : t;
}

export const ASSET_ROW_SQL = `
SELECT a.id, a.tag_id, a.class, a.name, a.device_id, a.room_id, a.location_state, a.since, a.last_seen_at, a.in_use_since,
       a.soiled_at, a.cleaned_at, a.service_due_at, a.created_at,
       (d.patient_id IS NOT NULL OR d.bed_id IS NOT NULL) AS attached
  FROM assets a
  JOIN devices t ON t.id = a.tag_id AND t.status = 'active'
  LEFT JOIN devices d ON d.id = a.device_id`;

export type AssetRow = {
  id: string;
  tag_id: string;
  class: string;
  name: string | null;
  device_id: string | null;
  room_id: string | null;
  location_state: string | null;
  since: unknown;
  last_seen_at: unknown;
  in_use_since: unknown;
  soiled_at: unknown;
  cleaned_at: unknown;
  service_due_at: unknown;
  created_at: unknown;
  attached: boolean | null;
};

export function trackedAsset(r: AssetRow): TrackedAsset {
  return {
    assetId: r.id,
    tagId: r.tag_id,
    class: r.class,
    name: r.name,
    deviceId: r.device_id,
    attached: r.attached === true,
    serviceDueAt: ms(r.service_due_at),
    createdAt: ms(r.created_at) ?? 0,
    roomId: r.room_id,
    state: (r.location_state as TagState | null) ?? null,
    since: ms(r.since),
    lastSeenAt: ms(r.last_seen_at),
    inUseSince: ms(r.in_use_since),
    soiledAt: ms(r.soiled_at),
    cleanedAt: ms(r.cleaned_at),
  };
}

export async function loadRooms(sql: Pick<Sql, "query">): Promise<Map<string, RoomInfo>> {
  const rows = await sql.query<{ id: string; name: string; type: string; floor_id: string; ward_id: string | null }>(
    `SELECT r.id, r.name, r.type, r.floor_id, f.ward_id FROM map_rooms r JOIN map_floors f ON f.id = r.floor_id`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, type: r.type as RoomType, floorId: r.floor_id, wardId: r.ward_id }]));
}

export async function loadTrackingLayout(sql: Pick<Sql, "query">): Promise<TrackingLayout> {
  const rooms = await loadRooms(sql);
  const gateways = await sql.query<{ device_id: string; room_id: string }>(
    `SELECT g.device_id, g.room_id FROM ble_gateways g JOIN devices d ON d.id = g.device_id WHERE d.status = 'active'`,
  );
  const assets = await sql.query<AssetRow>(ASSET_ROW_SQL);
  const par = await sql.query<{ floor_id: string; class: string; minimum: number }>(
    `SELECT floor_id, class, minimum FROM asset_par_levels`,
  );
  return {
    rooms,
    gateways: new Map(gateways.map((g) => [g.device_id, g.room_id])),
    assets: new Map(assets.map((r) => [r.tag_id, trackedAsset(r)])),
    parLevels: par.map((p) => ({ floorId: p.floor_id, class: p.class, minimum: Number(p.minimum) })),
  };
}
