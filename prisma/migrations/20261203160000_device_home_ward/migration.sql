-- Environment sensors serve a ward: a device's home ward (and optionally a room of that ward's floor plan),
-- so a fridge logger's alarms are routed to and scoped by that ward like a bedside device's.
ALTER TABLE "devices" ADD COLUMN "ward_id" TEXT,
ADD COLUMN "room_id" TEXT;

CREATE INDEX "devices_ward_id_idx" ON "devices"("ward_id");

ALTER TABLE "devices" ADD CONSTRAINT "devices_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "wards"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "devices" ADD CONSTRAINT "devices_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "map_rooms"("id") ON DELETE SET NULL ON UPDATE CASCADE;
