// Shapes and tuning of the room-level location engine: what goes in (sightings), what comes out (changes,
// locations), and the knobs with their defaults. Times are epoch milliseconds throughout.

/** One gateway hearing one tag once. `ts` is when the gateway heard it (the body's ts). */
export type Sighting = { tagId: string; gatewayId: string; rssi: number; ts: number };

/**
 * `located`: in the room and settled there. `moving`: changed room within the last settleMs (in transit).
 * `missing`: not heard for missingAfterMs; roomId is the last room it was in.
 */
export type TagState = "located" | "moving" | "missing";

/**
 * A change to a tag's room or state. A change of room (roomId ≠ previousRoomId, or the first fix with
 * previousRoomId null) is a history row; every change is a live event. For a state-only change
 * previousRoomId equals roomId.
 */
export type LocationChange = {
  tagId: string;
  roomId: string;
  previousRoomId: string | null;
  state: TagState;
  previousState: TagState | null;
  /** When it happened by the sightings' clock: when the new room started to win, when the tag settled, or last heard + missingAfterMs. */
  at: number;
};

export type TagLocation = {
  tagId: string;
  roomId: string;
  state: TagState;
  /** `at` of the tag's last change. */
  since: number;
  lastSeenAt: number;
};

/** Why the engine places a tag where it does: each gateway hearing it, its room and smoothed RSSI. */
export type GatewayEvidence = { gatewayId: string; roomId: string | null; rssi: number | null; samples: number; lastHeardAt: number };

export type LocationEngineOptions = {
  /** RSSI samples kept per gateway per tag; the gateway's level is their median. */
  samplesPerGateway: number;
  /** Only samples this recent (behind the tag's newest sighting) count. */
  windowMs: number;
  /** A gateway needs this many samples in the window to count (one stray reflection does not). */
  minSamples: number;
  /** A new room must be this much louder (dB) than the current one … */
  marginDb: number;
  /** … for this long before the tag moves there. */
  dwellMs: number;
  /** The first fix (and the fix of a returning missing tag) goes to a room once it has been loudest this long. */
  firstFixMs: number;
  /** A tag that changed room is `moving` until it has stayed this long. */
  settleMs: number;
  /** Silence this long makes a tag `missing` (checked by tick). */
  missingAfterMs: number;
  /** Gateways remembered per tag: the loudest (one not heard within the window gives way first). */
  maxGatewaysPerTag: number;
};

/**
 * Tuned on synthetic streams (testing/synthetic-sightings: σ 5 dB noise, 20 % packet loss, 1 Hz): a tag
 * parked exactly between two gateways changed room about once in 20 hours, while a tag carried across
 * three rooms was placed in each within a few seconds of crossing the wall (location-engine.test.ts).
 */
export const DEFAULT_LOCATION_OPTIONS: Readonly<LocationEngineOptions> = {
  samplesPerGateway: 8,
  windowMs: 10_000,
  minSamples: 2,
  marginDb: 8,
  dwellMs: 10_000,
  firstFixMs: 5_000,
  settleMs: 30_000,
  missingAfterMs: 5 * 60_000,
  maxGatewaysPerTag: 6,
};

export type LocationEngineStats = {
  sightings: number;
  /** Heard by a gateway not placed in any room. */
  unknownGateway: number;
  /** Older than the tag's window, or with an RSSI that is not a finite number. */
  dropped: number;
  tags: number;
};
