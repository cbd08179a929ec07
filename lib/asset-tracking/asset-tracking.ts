// lib/asset-tracking owns the asset map's stateful side, built on the pure core in lib/assets:
//   floor-store          floor plans in storage (import, save, read, who may see a floor)
//   provision-tracking   BLE gateways placed in rooms and asset tags on assets, through the device registry
//   accept-sightings     the one accept path of sightings (MQTT and HTTP): validation, claims by (gateway, seq)
//   sighting-ledger      the group-committed claims that make delivery idempotent
//   location-service     the location engine on every new batch, statuses, live events, zone and par alerts
//   history-writer       batched writes of room changes, current places and uses (poison rows isolated)
//   asset-alerts         zone exits and par shortfalls through lib/alerts' AlertWriter
//   asset-queries        assets, trails and nearest searches in the caller's scope; asset-kpis the KPIs
//   start-asset-tracking the per-database service and its tick, started by server.ts
// This file is the folder's public surface for other folders.
export { acceptSightings, type SightingsResult } from "./accept-sightings";
export { ASSET_ROLES } from "./asset-roles";
export { listAssets, assetTrail, nearestAssetsFor, recordSearchOpened, type AssetView } from "./asset-queries";
export { loadAssetKpis, type AssetKpis } from "./asset-kpis";
export { canSeeFloor, listVisibleFloors, loadFloors, saveFloor, importAndSaveFloor } from "./floor-store";
export { createAssetTag, createBleGateway } from "./provision-tracking";
export { locationService, startAssetTracking } from "./start-asset-tracking";
