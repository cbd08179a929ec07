-- Remote monitoring programs (lib/programs): programs with a care team, patients enrolled in them (one open
-- enrolment per program and patient; ended ones are kept), and messages between a patient and the care team.
CREATE TYPE "ProgramKind" AS ENUM ('diabetes', 'hypertension', 'asthma_copd');

CREATE TABLE "programs" (
    "id" TEXT NOT NULL,
    "kind" "ProgramKind" NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "programs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "program_care_team" (
    "program_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "program_care_team_pkey" PRIMARY KEY ("program_id", "user_id")
);

CREATE INDEX "program_care_team_user_id_idx" ON "program_care_team"("user_id");

CREATE TABLE "enrolments" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "enrolled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enrolled_by_id" TEXT,
    "ended_at" TIMESTAMPTZ(3),
    "ended_by_id" TEXT,

    CONSTRAINT "enrolments_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "enrolments_open_key" ON "enrolments"("program_id", "patient_id") WHERE "ended_at" IS NULL;
CREATE INDEX "enrolments_patient_id_idx" ON "enrolments"("patient_id");

CREATE TABLE "care_messages" (
    "id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "sender_id" TEXT,
    "direction" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "care_messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "care_messages_direction_check" CHECK ("direction" IN ('patient', 'care_team'))
);

CREATE INDEX "care_messages_patient_id_created_at_idx" ON "care_messages"("patient_id", "created_at");

ALTER TABLE "program_care_team" ADD CONSTRAINT "program_care_team_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "program_care_team" ADD CONSTRAINT "program_care_team_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_enrolled_by_id_fkey" FOREIGN KEY ("enrolled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_ended_by_id_fkey" FOREIGN KEY ("ended_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "care_messages" ADD CONSTRAINT "care_messages_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "care_messages" ADD CONSTRAINT "care_messages_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
