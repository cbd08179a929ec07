-- Hospital operations: patients' sex, bed rooms, encounters, bed assignments over time, the HL7 v2 inbound
-- log, the duty roster and one-time invites.

-- AlterTable
ALTER TABLE "patients" ADD COLUMN "sex" TEXT NOT NULL DEFAULT 'U';

-- AlterTable
ALTER TABLE "beds" ADD COLUMN "room" TEXT;

-- CreateTable
CREATE TABLE "encounters" (
    "id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "ward_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'admitted',
    "patient_class" TEXT NOT NULL DEFAULT 'I',
    "visit_number" TEXT,
    "admit_decided_at" TIMESTAMPTZ(3),
    "admitted_at" TIMESTAMPTZ(3) NOT NULL,
    "discharge_ordered_at" TIMESTAMPTZ(3),
    "discharged_at" TIMESTAMPTZ(3),
    "disposition" TEXT,
    "readmission_of_id" TEXT,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "encounters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bed_assignments" (
    "id" BIGSERIAL NOT NULL,
    "encounter_id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "bed_id" TEXT NOT NULL,
    "ward_id" TEXT NOT NULL,
    "from_at" TIMESTAMPTZ(3) NOT NULL,
    "to_at" TIMESTAMPTZ(3),

    CONSTRAINT "bed_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hl7_inbound_messages" (
    "id" BIGSERIAL NOT NULL,
    "control_id" TEXT,
    "message_type" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "encounter_id" TEXT,
    "patient_id" TEXT,
    "peer" TEXT,
    "raw" TEXT NOT NULL,

    CONSTRAINT "hl7_inbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duty_shifts" (
    "id" TEXT NOT NULL,
    "ward_id" TEXT NOT NULL,
    "duty" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duty_shifts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_invites" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_invites_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "encounters_visit_number_key" ON "encounters"("visit_number");
CREATE INDEX "encounters_patient_id_admitted_at_idx" ON "encounters"("patient_id", "admitted_at");
CREATE INDEX "encounters_status_idx" ON "encounters"("status");
CREATE INDEX "encounters_admitted_at_idx" ON "encounters"("admitted_at");
CREATE INDEX "bed_assignments_bed_id_from_at_idx" ON "bed_assignments"("bed_id", "from_at");
CREATE INDEX "bed_assignments_encounter_id_idx" ON "bed_assignments"("encounter_id");
CREATE INDEX "bed_assignments_patient_id_idx" ON "bed_assignments"("patient_id");
CREATE UNIQUE INDEX "hl7_inbound_messages_control_id_key" ON "hl7_inbound_messages"("control_id");
CREATE INDEX "hl7_inbound_messages_received_at_idx" ON "hl7_inbound_messages"("received_at");
CREATE INDEX "duty_shifts_ward_id_starts_at_idx" ON "duty_shifts"("ward_id", "starts_at");
CREATE INDEX "duty_shifts_user_id_idx" ON "duty_shifts"("user_id");
CREATE UNIQUE INDEX "user_invites_token_hash_key" ON "user_invites"("token_hash");
CREATE INDEX "user_invites_user_id_idx" ON "user_invites"("user_id");

-- AddForeignKey
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bed_assignments" ADD CONSTRAINT "bed_assignments_encounter_id_fkey" FOREIGN KEY ("encounter_id") REFERENCES "encounters"("id") ON DELETE CASCADE ON UPDATE CASCADE;
