// The location service: the room-level location engine (lib/assets) fed with every new sighting batch,
// and what follows from each change it decides. A change of room (or to and from missing) becomes a history
// row; the asset's place, state and status facts follow in memory and are written in batches
// (HistoryWriter); an asset settling in a patient room opens a use (location-inferred "in use"), leaving
// closes it; entering a dirty utility room marks it soiled, a clean utility room cleaned; every change is
// published on the bus (`asset:location`, then Socket.IO) and checked against the zone rules and par levels.
// tick() (once a second) marks silent tags missing and settles moving ones.
import "server-only";
import { LocationEngine, assetStatus, type LocationChange, type SightingBatch, type LocationEngineOptions } from "@/lib/assets/asset-map";
import type { AssetStatus } from "@/lib/assets/asset-map";
import type { EventBus } from "@/lib/bus/event-bus";
import type { Sql } from "@/lib/db/sql";
import { AssetAlerts, type AlertSink } from "./asset-alerts";
import { HistoryWriter, type AssetSnapshot, type UseChange } from "./history-writer";
import { SightingLedger } from "./sighting-ledger";
import { loadTrackingLayout, type RoomInfo, type TrackedAsset, type TrackingLayout } from "./tracking-layout";

export type LocationServiceOptions = {
  sql: Sql;
  bus: EventBus | null;
  alerts: AlertSink | null;
  now?: () => number;
  engine?: Partial<LocationEngineOptions>;
  writer?: { flushMs?: number; maxRows?: number };
  log?: (msg: string) => void;
};

export type IngestCounts = { sightings: number; unknownTags: number };

const LAST_SEEN_FLUSH_MS = 60_000;
const PAR_EVERY_MS = 10_000;

export class LocationService {
  readonly engine: LocationEngine;
  readonly writer: HistoryWriter;
  readonly ledger: SightingLedger;
  readonly counters = { batches: 0, duplicates: 0, sightings: 0, unknownTags: 0, changes: 0 };
  private layout: TrackingLayout = { rooms: new Map(), gateways: new Map(), assets: new Map(), parLevels: [] };
  private readonly alerts: AssetAlerts | null;
  private readonly now: () => number;
  private readonly changes: LocationChange[] = [];
  private seen = new Set<string>();
  private lastSeenFlushAt = 0;
  private lastParAt = 0;
  private parDirty = true;
  private loadedAt = 0;
  private reloading: Promise<void> | null = null;

  constructor(private readonly opts: LocationServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.engine = new LocationEngine({}, opts.engine);
    this.writer = new HistoryWriter(opts.sql, { ...opts.writer, log: opts.log ?? ((m) => console.warn(m)) });
    this.ledger = new SightingLedger(opts.sql);
    this.alerts = opts.alerts ? new AssetAlerts(opts.alerts) : null;
  }

  /** (Re)loads rooms, gateways, assets and par levels; keeps what the engine knows of tags already tracked. */
  async load(): Promise<void> {
    const next = await loadTrackingLayout(this.opts.sql);
    const restore = [];
    for (const [tagId, a] of next.assets) {
      const known = this.layout.assets.get(tagId);
      if (known) {
        Object.assign(a, {
          roomId: known.roomId,
          state: known.state,
          since: known.since,
          lastSeenAt: known.lastSeenAt,
          inUseSince: known.inUseSince,
          soiledAt: known.soiledAt,
          cleanedAt: known.cleanedAt,
        });
      } else if (a.roomId && a.state) {
        restore.push({ tagId, roomId: a.roomId, state: a.state, since: a.since ?? 0, lastSeenAt: a.lastSeenAt ?? a.since ?? 0 });
      }
    }
    for (const tagId of this.layout.assets.keys()) if (!next.assets.has(tagId)) this.engine.forget(tagId);
    this.engine.setGatewayRooms(next.gateways);
    this.engine.restore(restore);
    this.layout = next;
    this.parDirty = true;
    this.loadedAt = this.now();
  }

  /** A tag or gateway not in the layout (created on another node, or just now): reload, at most every 5 s. */
  private reloadSoon(): void {
    if (this.reloading || this.now() - this.loadedAt < 5_000) return;
    this.reloading = this.load()
      .catch((err: Error) => this.opts.log?.(`[assets] reloading the layout failed: ${err.message}`))
      .finally(() => (this.reloading = null));
  }

  isKnownTag(tagId: string): boolean {
    return this.layout.assets.has(tagId);
  }

  gatewayRoom(gatewayId: string): string | null {
    return this.layout.gateways.get(gatewayId) ?? null;
  }

  /** New (not duplicate) batches of one gateway: known tags go to the engine, unknown ones are counted. */
  ingest(gatewayId: string, batches: readonly SightingBatch[]): IngestCounts {
    let sightings = 0;
    let unknownTags = 0;
    const out = this.changes;
    out.length = 0;
    for (const b of batches) {
      for (const s of b.sightings) {
        sightings++;
        if (!this.layout.assets.has(s.tag)) {
          unknownTags++;
          continue;
        }
        this.seen.add(s.tag);
        this.engine.ingestOne({ tagId: s.tag, gatewayId, rssi: s.rssi, ts: b.ts }, out);
      }
    }
    this.counters.batches += batches.length;
    this.counters.sightings += sightings;
    this.counters.unknownTags += unknownTags;
    if (unknownTags > 0 || !this.layout.gateways.has(gatewayId)) this.reloadSoon();
    for (const c of out) this.apply(c);
    return { sightings, unknownTags };
  }

  tick(now = this.now()): void {
    const out = this.engine.tick(now, []);
    for (const c of out) this.apply(c);
    if (now - this.lastSeenFlushAt >= LAST_SEEN_FLUSH_MS) {
      this.lastSeenFlushAt = now;
      for (const tagId of this.seen) {
        const a = this.layout.assets.get(tagId);
        const loc = this.engine.locationOf(tagId);
        if (a && loc) {
          a.lastSeenAt = loc.lastSeenAt;
          this.writer.touch(snapshotOf(a));
        }
      }
      this.seen = new Set();
    }
    if (this.alerts && (this.parDirty || now - this.lastParAt >= PAR_EVERY_MS) && this.layout.parLevels.length) {
      this.parDirty = false;
      this.lastParAt = now;
      const assets = [...this.layout.assets.values()].map((a) => ({
        class: a.class,
        status: this.statusOf(a, now),
        floorId: a.roomId ? (this.layout.rooms.get(a.roomId)?.floorId ?? null) : null,
      }));
      const wardOf = (floorId: string) => [...this.layout.rooms.values()].find((r) => r.floorId === floorId)?.wardId ?? null;
      this.alerts.checkPar(this.layout.parLevels, assets, wardOf, now);
    }
  }

  statusOf(a: TrackedAsset, now = this.now()): AssetStatus {
    return assetStatus(
      {
        attachedToPatient: a.attached,
        running: a.inUseSince !== null,
        soiledAt: a.soiledAt,
        cleanedAt: a.cleanedAt,
        serviceDueAt: a.serviceDueAt,
        locationState: a.state,
      },
      now,
    ).status;
  }

  room(roomId: string): RoomInfo | null {
    return this.layout.rooms.get(roomId) ?? null;
  }

  assets(): IterableIterator<TrackedAsset> {
    return this.layout.assets.values();
  }

  async drain(): Promise<void> {
    await this.ledger.drain();
    await this.writer.drain();
  }

  /**
   * Discharged with a patient: the assets now in one of `roomIds` (or in a patient room of `ward` named
   * `roomName`) and those of `deviceIds` are soiled at `at`, as if they had passed a dirty utility room;
   * they need cleaning until they pass a clean utility room. Returns the asset ids marked.
   */
  soilDischarged(where: { roomIds: string[]; wardId?: string; roomName?: string | null; deviceIds: string[] }, at: number): string[] {
    const marked: string[] = [];
    for (const a of this.layout.assets.values()) {
      const room = a.roomId ? this.layout.rooms.get(a.roomId) : undefined;
      const inRoom =
        !!room &&
        a.state !== "missing" &&
        (where.roomIds.includes(room.id) ||
          (room.type === "patient_room" && !!where.roomName && room.wardId === where.wardId && room.name === where.roomName));
      const onPatient = a.deviceId !== null && where.deviceIds.includes(a.deviceId);
      if (!inRoom && !onPatient) continue;
      if (a.soiledAt === null || a.soiledAt < at) a.soiledAt = at;
      this.writer.add(null, snapshotOf(a), []);
      marked.push(a.assetId);
    }
    return marked;
  }

  private apply(c: LocationChange): void {
    const a = this.layout.assets.get(c.tagId);
    if (!a) return;
    this.counters.changes++;
    const from = a.roomId ? (this.layout.rooms.get(a.roomId) ?? null) : null;
    const to = this.layout.rooms.get(c.roomId) ?? null;
    const roomChanged = a.roomId !== c.roomId;
    const uses: UseChange[] = [];
    if (roomChanged && a.inUseSince !== null) {
      uses.push({ assetId: a.assetId, kind: "close", at: c.at });
      a.inUseSince = null;
    }
    if (c.state === "located" && to?.type === "patient_room" && a.inUseSince === null && !a.attached) {
      uses.push({ assetId: a.assetId, kind: "open", at: c.at });
      a.inUseSince = c.at;
    }
    if (roomChanged && to?.type === "dirty_utility" && a.inUseSince === null) a.soiledAt = c.at;
    if (roomChanged && to?.type === "clean_utility" && a.soiledAt !== null && (a.cleanedAt === null || a.cleanedAt < a.soiledAt))
      a.cleanedAt = c.at;
    const stateEdge = (c.state === "missing") !== (c.previousState === "missing");
    a.roomId = c.roomId;
    a.state = c.state;
    a.since = c.at;
    a.lastSeenAt = this.engine.locationOf(c.tagId)?.lastSeenAt ?? a.lastSeenAt;
    const history =
      roomChanged || stateEdge
        ? { assetId: a.assetId, roomId: c.roomId, previousRoomId: c.previousRoomId, state: c.state, at: c.at }
        : null;
    this.writer.add(history, snapshotOf(a), uses);
    if (roomChanged || stateEdge) this.parDirty = true;
    this.opts.bus?.publish("asset:location", {
      assetId: a.assetId,
      tagId: a.tagId,
      class: a.class,
      name: a.name,
      floorId: to?.floorId ?? null,
      wardId: to?.wardId ?? null,
      roomId: c.roomId,
      previousRoomId: c.previousRoomId,
      state: c.state,
      status: this.statusOf(a),
      at: c.at,
    });
    if (roomChanged && to && this.alerts) this.alerts.onMove(a, from, to, c.at);
  }
}

function snapshotOf(a: TrackedAsset): AssetSnapshot {
  return {
    assetId: a.assetId,
    roomId: a.roomId,
    state: a.state,
    since: a.since,
    lastSeenAt: a.lastSeenAt,
    inUseSince: a.inUseSince,
    soiledAt: a.soiledAt,
    cleanedAt: a.cleanedAt,
  };
}
