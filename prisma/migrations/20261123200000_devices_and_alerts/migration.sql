-- CreateEnum
CREATE TYPE "Connectivity" AS ENUM ('unknown', 'online', 'offline');

-- CreateEnum
CREATE TYPE "AlertPriority" AS ENUM ('high', 'medium', 'low', 'technical');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('active', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "FirmwareUpdateState" AS ENUM ('pending', 'downloading', 'verified', 'updated', 'failed');

-- AlterTable
ALTER TABLE "user_wards" ADD COLUMN "duty" TEXT NOT NULL DEFAULT 'staff';

-- AlterTable
ALTER TABLE "devices" ADD COLUMN "bed_id" TEXT,
ADD COLUMN "asset_tag" TEXT,
ADD COLUMN "location" TEXT,
ADD COLUMN "gateway_id" TEXT,
ADD COLUMN "battery_level" DOUBLE PRECISION,
ADD COLUMN "connectivity" "Connectivity" NOT NULL DEFAULT 'unknown',
ADD COLUMN "connectivity_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "observations" ADD COLUMN "artifact" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ingest_rejections" (
    "id" BIGSERIAL NOT NULL,
    "device_id" TEXT,
    "transport" TEXT NOT NULL,
    "topic" TEXT,
    "reason" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_rejections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "firmware_packages" (
    "id" TEXT NOT NULL,
    "device_type" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "flagged_at" TIMESTAMPTZ(3),
    "flag_reason" TEXT,

    CONSTRAINT "firmware_packages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "device_firmware_updates" (
    "id" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "package_id" TEXT NOT NULL,
    "state" "FirmwareUpdateState" NOT NULL DEFAULT 'pending',
    "detail" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "device_firmware_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alarm_limits" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "ward_id" TEXT,
    "patient_id" TEXT,
    "code" TEXT NOT NULL,
    "low" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "set_by_id" TEXT,
    "reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alarm_limits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" TEXT NOT NULL,
    "open_key" TEXT,
    "rule" TEXT NOT NULL,
    "priority" "AlertPriority" NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'active',
    "patient_id" TEXT,
    "device_id" TEXT,
    "ward_id" TEXT,
    "message" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "condition_active" BOOLEAN NOT NULL DEFAULT true,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" TEXT,
    "resolve_reason" TEXT,
    "silenced_until" TIMESTAMPTZ(3),
    "silence_reason" TEXT,
    "escalation_level" SMALLINT NOT NULL DEFAULT 0,
    "next_escalation_at" TIMESTAMPTZ(3),

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "actor_id" TEXT,
    "recipient_id" TEXT,
    "detail" JSONB,

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "devices_gateway_id_idx" ON "devices"("gateway_id");

-- CreateIndex
CREATE INDEX "devices_bed_id_idx" ON "devices"("bed_id");

-- CreateIndex
CREATE INDEX "ingest_rejections_received_at_idx" ON "ingest_rejections"("received_at");

-- CreateIndex
CREATE INDEX "ingest_rejections_device_id_received_at_idx" ON "ingest_rejections"("device_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "firmware_packages_device_type_version_key" ON "firmware_packages"("device_type", "version");

-- CreateIndex
CREATE INDEX "device_firmware_updates_device_id_created_at_idx" ON "device_firmware_updates"("device_id", "created_at");

-- CreateIndex
CREATE INDEX "device_firmware_updates_package_id_idx" ON "device_firmware_updates"("package_id");

-- CreateIndex
CREATE INDEX "alarm_limits_patient_id_idx" ON "alarm_limits"("patient_id");

-- CreateIndex
CREATE UNIQUE INDEX "alarm_limits_scope_code_key" ON "alarm_limits"("scope", "code");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_open_key_key" ON "alerts"("open_key");

-- CreateIndex
CREATE INDEX "alerts_state_priority_raised_at_idx" ON "alerts"("state", "priority", "raised_at");

-- CreateIndex
CREATE INDEX "alerts_patient_id_raised_at_idx" ON "alerts"("patient_id", "raised_at");

-- CreateIndex
CREATE INDEX "alerts_ward_id_state_idx" ON "alerts"("ward_id", "state");

-- CreateIndex
CREATE INDEX "alerts_next_escalation_at_idx" ON "alerts"("next_escalation_at");

-- CreateIndex
CREATE INDEX "alert_events_alert_id_at_idx" ON "alert_events"("alert_id", "at");

-- CreateIndex
CREATE INDEX "alert_events_recipient_id_at_idx" ON "alert_events"("recipient_id", "at");

-- AddForeignKey
ALTER TABLE "devices" ADD CONSTRAINT "devices_bed_id_fkey" FOREIGN KEY ("bed_id") REFERENCES "beds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devices" ADD CONSTRAINT "devices_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "devices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_firmware_updates" ADD CONSTRAINT "device_firmware_updates_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_firmware_updates" ADD CONSTRAINT "device_firmware_updates_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "firmware_packages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
