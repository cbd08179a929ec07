-- Erasure requests (GDPR Art. 17): a patient asks, an admin completes (erases or pseudonymises what may go,
-- keeps what the law requires until its retention date) or refuses with a reason. lib/data-rights owns it.
CREATE TABLE "erasure_requests" (
    "id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "patient_note" TEXT,
    "requested_by_id" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "retain_until" TIMESTAMPTZ(3),
    "outcome" JSONB,

    CONSTRAINT "erasure_requests_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "erasure_requests_patient_id_requested_at_idx" ON "erasure_requests"("patient_id", "requested_at");
CREATE INDEX "erasure_requests_status_requested_at_idx" ON "erasure_requests"("status", "requested_at");

ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
