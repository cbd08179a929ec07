-- The asset map (issue 9): sites, floors and rooms (polygons), BLE gateways placed in rooms, tracked assets
-- with their current location, the history of every change of room, idempotency of sighting batches,
-- in-use intervals, par levels and the search log (time to locate).

-- CreateTable
CREATE TABLE "map_sites" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "map_sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "map_floors" (
    "id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ward_id" TEXT,
    "adjacency" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "map_floors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "map_rooms" (
    "id" TEXT NOT NULL,
    "floor_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "polygon" JSONB NOT NULL,
    "centroid" JSONB NOT NULL,
    "beds" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "map_rooms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ble_gateways" (
    "device_id" TEXT NOT NULL,
    "room_id" TEXT NOT NULL,

    CONSTRAINT "ble_gateways_pkey" PRIMARY KEY ("device_id")
);

-- CreateTable
CREATE TABLE "assets" (
    "id" TEXT NOT NULL,
    "tag_id" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "name" TEXT,
    "device_id" TEXT,
    "room_id" TEXT,
    "location_state" TEXT,
    "since" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "in_use_since" TIMESTAMPTZ(3),
    "soiled_at" TIMESTAMPTZ(3),
    "cleaned_at" TIMESTAMPTZ(3),
    "service_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_room_history" (
    "id" BIGSERIAL NOT NULL,
    "asset_id" TEXT NOT NULL,
    "room_id" TEXT NOT NULL,
    "previous_room_id" TEXT,
    "state" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "asset_room_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_uses" (
    "id" BIGSERIAL NOT NULL,
    "asset_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "asset_uses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sighting_batches" (
    "gateway_id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "sightings" INTEGER NOT NULL,
    "unknown_tags" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sighting_batches_pkey" PRIMARY KEY ("gateway_id","seq")
);

-- CreateTable
CREATE TABLE "asset_par_levels" (
    "floor_id" TEXT NOT NULL,
    "class" TEXT NOT NULL,
    "minimum" INTEGER NOT NULL,

    CONSTRAINT "asset_par_levels_pkey" PRIMARY KEY ("floor_id","class")
);

-- CreateTable
CREATE TABLE "asset_searches" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "class" TEXT NOT NULL,
    "near" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "opened_room_id" TEXT,

    CONSTRAINT "asset_searches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "map_floors_ward_id_idx" ON "map_floors"("ward_id");

-- CreateIndex
CREATE INDEX "map_rooms_floor_id_idx" ON "map_rooms"("floor_id");

-- CreateIndex
CREATE INDEX "ble_gateways_room_id_idx" ON "ble_gateways"("room_id");

-- CreateIndex
CREATE UNIQUE INDEX "assets_tag_id_key" ON "assets"("tag_id");

-- CreateIndex
CREATE UNIQUE INDEX "assets_device_id_key" ON "assets"("device_id");

-- CreateIndex
CREATE INDEX "assets_class_idx" ON "assets"("class");

-- CreateIndex
CREATE INDEX "asset_room_history_asset_id_at_idx" ON "asset_room_history"("asset_id", "at");

-- CreateIndex
CREATE INDEX "asset_uses_asset_id_started_at_idx" ON "asset_uses"("asset_id", "started_at");

-- CreateIndex
CREATE INDEX "asset_searches_at_idx" ON "asset_searches"("at");

-- AddForeignKey
ALTER TABLE "map_floors" ADD CONSTRAINT "map_floors_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "map_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "map_floors" ADD CONSTRAINT "map_floors_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "wards"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "map_rooms" ADD CONSTRAINT "map_rooms_floor_id_fkey" FOREIGN KEY ("floor_id") REFERENCES "map_floors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ble_gateways" ADD CONSTRAINT "ble_gateways_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ble_gateways" ADD CONSTRAINT "ble_gateways_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "map_rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assets" ADD CONSTRAINT "assets_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_room_history" ADD CONSTRAINT "asset_room_history_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_uses" ADD CONSTRAINT "asset_uses_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_par_levels" ADD CONSTRAINT "asset_par_levels_floor_id_fkey" FOREIGN KEY ("floor_id") REFERENCES "map_floors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
