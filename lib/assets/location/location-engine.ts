// The room-level location engine: pure and deterministic (no clock, no I/O; the same sightings give the same
// changes). Per tag it keeps the last few RSSI samples from each gateway hearing it; a gateway's level is
// their median over a sliding window, a room's level its loudest gateway's. The tag is in the loudest room,
// with hysteresis: another room must beat the current one by marginDb for dwellMs before the tag moves
// (a tag on a boundary does not flap). After a move the tag is `moving` until it has stayed settleMs;
// tick(now) marks tags not heard for missingAfterMs `missing`, and settles moving tags. Memory per tag is
// fixed; a sighting costs two map look-ups and a pass over ≤ maxGatewaysPerTag small medians.
import {
  DEFAULT_LOCATION_OPTIONS,
  type GatewayEvidence,
  type LocationChange,
  type LocationEngineOptions,
  type LocationEngineStats,
  type Sighting,
  type TagLocation,
  type TagState,
} from "./location-types";
import { EvidenceLayout, Phase, TagTrack } from "./tag-evidence";

/** Which room each gateway is placed in. */
export type GatewayRooms = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

const STATE_OF: Record<Phase, TagState | null> = {
  [Phase.Acquiring]: null,
  [Phase.Located]: "located",
  [Phase.Moving]: "moving",
  [Phase.Missing]: "missing",
};
const PHASE_OF: Record<TagState, Phase> = { located: Phase.Located, moving: Phase.Moving, missing: Phase.Missing };

export class LocationEngine {
  readonly options: Readonly<LocationEngineOptions>;
  private readonly layout: EvidenceLayout;
  private readonly tracks = new Map<string, TagTrack>();
  private readonly gatewayIndex = new Map<string, number>();
  private readonly gatewayIds: string[] = [];
  private readonly gatewayRoom: number[] = [];
  private readonly roomIndex = new Map<string, number>();
  private readonly roomIds: string[] = [];
  private readonly counts = { sightings: 0, unknownGateway: 0, dropped: 0 };

  constructor(gatewayRooms: GatewayRooms, options: Partial<LocationEngineOptions> = {}) {
    this.options = checkOptions({ ...DEFAULT_LOCATION_OPTIONS, ...options });
    this.layout = new EvidenceLayout(this.options.maxGatewaysPerTag, this.options.samplesPerGateway);
    this.setGatewayRooms(gatewayRooms);
  }

  /** Replaces the gateway → room map; gateways left out no longer place tags. */
  setGatewayRooms(gatewayRooms: GatewayRooms): void {
    const entries = gatewayRooms instanceof Map ? [...gatewayRooms.entries()] : Object.entries(gatewayRooms);
    this.gatewayRoom.fill(-1);
    for (const [gatewayId, roomId] of entries) this.gatewayRoom[this.internGateway(gatewayId)] = this.internRoom(roomId);
  }

  /** Feeds a batch in order; returns (or appends to `out`) the changes it caused. */
  ingest(sightings: readonly Sighting[], out: LocationChange[] = []): LocationChange[] {
    for (let j = 0; j < sightings.length; j++) this.ingestOne(sightings[j]!, out);
    return out;
  }

  ingestOne(s: Sighting, out: LocationChange[]): void {
    this.counts.sightings++;
    const g = this.gatewayIndex.get(s.gatewayId);
    if (g === undefined || this.gatewayRoom[g]! < 0) {
      this.counts.unknownGateway++;
      return;
    }
    if (!Number.isFinite(s.rssi) || !Number.isFinite(s.ts)) {
      this.counts.dropped++;
      return;
    }
    let t = this.tracks.get(s.tagId);
    if (t === undefined) {
      t = new TagTrack(s.tagId, this.layout.k, this.layout.n, s.ts);
      this.tracks.set(s.tagId, t);
    } else if (s.ts < t.lastSeen - this.options.windowMs) {
      this.counts.dropped++;
      return;
    }
    this.layout.add(t, g, s.rssi, s.ts, Math.max(t.lastSeen, s.ts) - this.options.windowMs);
    if (s.ts > t.lastSeen) t.lastSeen = s.ts;
    this.decide(t, out);
  }

  /** Marks tags silent for missingAfterMs missing and settles moving tags; forgets tags never placed. */
  tick(now: number, out: LocationChange[] = []): LocationChange[] {
    const { missingAfterMs, settleMs } = this.options;
    for (const [tagId, t] of this.tracks) {
      const silent = now - t.lastSeen >= missingAfterMs;
      if (t.phase === Phase.Acquiring) {
        if (silent) this.tracks.delete(tagId);
      } else if (t.phase !== Phase.Missing && silent) {
        t.candidate = -1;
        t.acquireSince = NaN;
        this.emit(t, out, t.room, Phase.Missing, t.lastSeen + missingAfterMs);
      } else if (t.phase === Phase.Moving && t.candidate === -1 && now >= t.changedAt + settleMs) {
        this.emit(t, out, t.room, Phase.Located, t.changedAt + settleMs);
      }
    }
    return out;
  }

  private decide(t: TagTrack, out: LocationChange[]): void {
    const { windowMs, minSamples, marginDb, dwellMs, firstFixMs, settleMs } = this.options;
    const now = t.lastSeen;
    const from = now - windowMs;
    let best = -1;
    let bestLevel = -Infinity;
    let currentLevel = -Infinity;
    for (let slot = 0; slot < this.layout.k; slot++) {
      const g = this.layout.gatewayAt(t, slot);
      if (g < 0) continue;
      const room = this.gatewayRoom[g]!;
      if (room < 0 || this.layout.lastHeard(t, slot) < from) continue;
      const level = this.layout.median(t, slot, from, minSamples);
      if (Number.isNaN(level)) continue;
      if (level > bestLevel || (level === bestLevel && room === t.room)) {
        best = room;
        bestLevel = level;
      }
      if (room === t.room && level > currentLevel) currentLevel = level;
    }

    if (t.phase === Phase.Acquiring || t.phase === Phase.Missing) {
      // The first fix goes to a room that has stayed loudest for firstFixMs, so a gateway whose first
      // packets were lost is not outvoted by one that happened to be heard first.
      if (Number.isNaN(t.acquireSince)) t.acquireSince = now;
      if (best < 0) {
        t.candidate = -1;
      } else if (t.candidate !== best) {
        t.candidate = best;
        t.candidateSince = now;
      }
      if (best >= 0 && now - t.candidateSince >= firstFixMs) {
        const at = t.acquireSince;
        t.acquireSince = NaN;
        t.candidate = -1;
        this.emit(t, out, best, Phase.Located, at);
      }
      return;
    }

    if (best >= 0 && best !== t.room && bestLevel - currentLevel >= marginDb) {
      if (t.candidate !== best) {
        t.candidate = best;
        t.candidateSince = now;
      }
      if (now - t.candidateSince >= dwellMs) {
        t.candidate = -1;
        this.emit(t, out, best, Phase.Moving, t.candidateSince);
      }
    } else {
      t.candidate = -1;
    }
    if (t.phase === Phase.Moving && t.candidate === -1 && now >= t.changedAt + settleMs) {
      this.emit(t, out, t.room, Phase.Located, t.changedAt + settleMs);
    }
  }

  private emit(t: TagTrack, out: LocationChange[], room: number, phase: Phase, when: number): void {
    const at = Math.max(when, t.lastEventAt);
    out.push({
      tagId: t.tagId,
      roomId: this.roomIds[room]!,
      previousRoomId: t.room >= 0 ? this.roomIds[t.room]! : null,
      state: STATE_OF[phase]!,
      previousState: STATE_OF[t.phase],
      at,
    });
    if (room !== t.room || t.phase === Phase.Acquiring || t.phase === Phase.Missing) t.changedAt = at;
    t.room = room;
    t.phase = phase;
    t.lastEventAt = at;
  }

  /** Where the engine has a tag, or null for a tag it has not placed (yet). */
  locationOf(tagId: string): TagLocation | null {
    const t = this.tracks.get(tagId);
    return t && t.phase !== Phase.Acquiring ? this.locationOfTrack(t) : null;
  }

  *locations(): IterableIterator<TagLocation> {
    for (const t of this.tracks.values()) if (t.phase !== Phase.Acquiring) yield this.locationOfTrack(t);
  }

  private locationOfTrack(t: TagTrack): TagLocation {
    return { tagId: t.tagId, roomId: this.roomIds[t.room]!, state: STATE_OF[t.phase]!, since: t.lastEventAt, lastSeenAt: t.lastSeen };
  }

  /** Resumes tags where storage last had them (after a restart); their evidence starts empty. */
  restore(locations: readonly TagLocation[]): void {
    for (const loc of locations) {
      const t = new TagTrack(loc.tagId, this.layout.k, this.layout.n, NaN);
      t.phase = PHASE_OF[loc.state];
      t.room = this.internRoom(loc.roomId);
      t.lastSeen = loc.lastSeenAt;
      t.changedAt = loc.since;
      t.lastEventAt = loc.since;
      this.tracks.set(loc.tagId, t);
    }
  }

  /** Drops a tag (unregistered); returns whether it was known. */
  forget(tagId: string): boolean {
    return this.tracks.delete(tagId);
  }

  /** The gateways hearing a tag, loudest first, as the engine weighs them now. */
  evidence(tagId: string): GatewayEvidence[] {
    const t = this.tracks.get(tagId);
    if (!t) return [];
    const from = t.lastSeen - this.options.windowMs;
    const rows: GatewayEvidence[] = [];
    for (let slot = 0; slot < this.layout.k; slot++) {
      const g = this.layout.gatewayAt(t, slot);
      if (g < 0) continue;
      const room = this.gatewayRoom[g]!;
      const level = this.layout.median(t, slot, from, 1);
      rows.push({
        gatewayId: this.gatewayIds[g]!,
        roomId: room >= 0 ? this.roomIds[room]! : null,
        rssi: Number.isNaN(level) ? null : level,
        samples: this.layout.samplesSince(t, slot, from),
        lastHeardAt: this.layout.lastHeard(t, slot),
      });
    }
    return rows.sort((a, b) => (b.rssi ?? -Infinity) - (a.rssi ?? -Infinity) || b.lastHeardAt - a.lastHeardAt);
  }

  stats(): LocationEngineStats {
    return { ...this.counts, tags: this.tracks.size };
  }

  private internGateway(id: string): number {
    let g = this.gatewayIndex.get(id);
    if (g === undefined) {
      g = this.gatewayIds.length;
      this.gatewayIds.push(id);
      this.gatewayRoom.push(-1);
      this.gatewayIndex.set(id, g);
    }
    return g;
  }

  private internRoom(id: string): number {
    let r = this.roomIndex.get(id);
    if (r === undefined) {
      r = this.roomIds.length;
      this.roomIds.push(id);
      this.roomIndex.set(id, r);
    }
    return r;
  }
}

function checkOptions(o: LocationEngineOptions): LocationEngineOptions {
  const ints: (keyof LocationEngineOptions)[] = ["samplesPerGateway", "minSamples", "maxGatewaysPerTag"];
  for (const key of ints)
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new RangeError(`${key} must be a whole number ≥ 1 (got ${o[key]})`);
  if (o.minSamples > o.samplesPerGateway)
    throw new RangeError(`minSamples (${o.minSamples}) cannot exceed samplesPerGateway (${o.samplesPerGateway})`);
  for (const key of ["windowMs", "marginDb", "dwellMs", "firstFixMs", "settleMs", "missingAfterMs"] as const) {
    if (!Number.isFinite(o[key]) || o[key] < 0) throw new RangeError(`${key} must be a finite number ≥ 0 (got ${o[key]})`);
  }
  return Object.freeze(o);
}
