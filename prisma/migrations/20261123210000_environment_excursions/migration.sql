-- CreateEnum
CREATE TYPE "ExcursionKind" AS ENUM ('high', 'low', 'data_gap');

-- AlterTable
ALTER TABLE "devices" ADD COLUMN "environment_profile" TEXT;

-- CreateTable
CREATE TABLE "environment_excursions" (
    "id" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "kind" "ExcursionKind" NOT NULL,
    "profile" TEXT NOT NULL,
    "location" TEXT,
    "ward_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "min_c" DOUBLE PRECISION,
    "max_c" DOUBLE PRECISION,
    "alert_id" TEXT,
    "corrective_action" TEXT,
    "action_by_id" TEXT,
    "action_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "environment_excursions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "environment_excursions_device_id_kind_started_at_key" ON "environment_excursions"("device_id", "kind", "started_at");

-- CreateIndex
CREATE INDEX "environment_excursions_started_at_idx" ON "environment_excursions"("started_at");
