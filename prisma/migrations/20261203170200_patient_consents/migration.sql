-- Consents per purpose (GDPR Art. 6/7/9, HIPAA authorizations): every decision a patient (or staff on
-- their behalf) records is kept, with the consent text's version, when and through which channel; the
-- newest row per purpose is in force. lib/consent owns it.
CREATE TABLE "patient_consents" (
    "id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "text_version" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recorded_by_id" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patient_consents_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "patient_consents_patient_id_purpose_recorded_at_idx" ON "patient_consents"("patient_id", "purpose", "recorded_at");

ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
