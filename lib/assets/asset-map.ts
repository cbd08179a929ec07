// lib/assets owns the asset map's pure core, with no database, broker, clock or server in it:
//   floors/    floor plans: import (GeoJSON, SVG-derived JSON) to one Floor model, geometry, demo floors
//   walking/   the room graph, walking distance from a room or bed, nearest assets of a class and status
//   location/  the room-level location engine: sightings in, room and state changes out
//   status/    asset status from facts, KPIs (utilization, idle, time to locate, counts), zone rules, par levels
//   wire/      the sightings body a BLE gateway sends, validated with field-named refusals
// Times are epoch milliseconds; coordinates metres. Storage, MQTT, the API, the simulator and the page
// build on these functions. This file is the public surface; the demo floors are imported from
// floors/demo-floors directly (they carry data files), the synthetic streams from location/testing.
export { ASSET_CLASSES, ASSET_CLASS_KEYS, ASSET_STATUSES, ASSET_STATUS_LABEL, isAssetClass, isAssetStatus } from "./asset-types";
export type { AssetClass, AssetStatus } from "./asset-types";
export type { FieldIssue, Invalid } from "./field-issues";

export { ROOM_TYPES, PLACE_ID, BED_REF, isRoomType } from "./floors/floor-model";
export type { Floor, Point, Room, RoomLink, RoomType } from "./floors/floor-model";
export { importFloor, importFloorJson, floorForm } from "./floors/import-floor";
export type { FloorForm } from "./floors/import-floor";
export type { FloorImport, FloorImportOptions, SharedEdgeMode } from "./floors/build-floor";
export { areaCentroid, boundsOf, markerPoint, pointInPolygon, polygonArea, sharedWall } from "./floors/geometry";
export type { Bounds, SharedWall } from "./floors/geometry";

export { buildRoomGraph, roomOfPlace, FloorGraphError } from "./walking/room-graph";
export type { CrossFloorLink, GraphRoom, RoomGraph } from "./walking/room-graph";
export { walkFrom, UnknownPlaceError } from "./walking/walk";
export type { Walk } from "./walking/walk";
export { nearestAssets, nearestFromWalk } from "./walking/nearest-assets";
export type { NearestAsset, NearestFilter, PlacedAsset } from "./walking/nearest-assets";

export { LocationEngine } from "./location/location-engine";
export type { GatewayRooms } from "./location/location-engine";
export { DEFAULT_LOCATION_OPTIONS } from "./location/location-types";
export type {
  GatewayEvidence,
  LocationChange,
  LocationEngineOptions,
  LocationEngineStats,
  Sighting,
  TagLocation,
  TagState,
} from "./location/location-types";

export { assetStatus, soiledAt } from "./status/asset-status";
export type { AssetFacts, AssetStatusResult, Interval, RoomEntry } from "./status/asset-status";
export { coveredMs, utilizationByClass, utilizationTrend } from "./status/utilization";
export type { AssetUsage, ClassUtilization, Period } from "./status/utilization";
export { idleAssets, statusCounts, timeToLocate } from "./status/fleet-kpis";
export type { AssetStatusSpan, LocateFound, LocateSearch, StatusCounts, TimeToLocate } from "./status/fleet-kpis";
export { DEFAULT_ZONE_RULES, evaluateZoneRules, ruleCovers, zoneBreach } from "./status/zone-rules";
export type { ZoneBreach, ZoneRoom, ZoneRule, ZoneViolation } from "./status/zone-rules";
export { newShortfalls, parShortfalls } from "./status/par-levels";
export type { ParAsset, ParLevel, ParShortfall } from "./status/par-levels";

export {
  MAX_BATCHES_PER_BODY,
  MAX_SIGHTINGS_PER_BATCH,
  RSSI_MAX_DBM,
  RSSI_MIN_DBM,
  TAG_ID,
  parseSightingsBody,
  parseSightingsJson,
  toEngineSightings,
} from "./wire/sightings-schema";
export type { SightingBatch, SightingsValidation } from "./wire/sightings-schema";
