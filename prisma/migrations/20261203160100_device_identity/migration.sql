-- Audit log (issue 12): the action filter is a select of the actions present; this index makes listing
-- them a loose index scan (lib/audit/audit-view.ts listAuditActions) and serves the exact-action filter.
CREATE INDEX "audit_events_action_idx" ON "audit_events"("action");

-- Device identity (issue 12): model, serial number and UDI (unique device identifier, e.g. GS1
-- "(01)<GTIN-14>(21)<serial>"), editable through the device PATCH; and the device's assignment history
-- (who or what it was assigned to, and when), written by provisioning, assignment and discharge.
ALTER TABLE "devices" ADD COLUMN "model" TEXT;
ALTER TABLE "devices" ADD COLUMN "serial_number" TEXT;
ALTER TABLE "devices" ADD COLUMN "udi" TEXT;

CREATE TABLE "device_assignment_history" (
    "id" BIGSERIAL NOT NULL,
    "device_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "patient_id" TEXT,
    "label" TEXT,
    "actor_email" TEXT,
    "reason" TEXT,

    CONSTRAINT "device_assignment_history_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "device_assignment_history_device_id_at_idx" ON "device_assignment_history"("device_id", "at");

ALTER TABLE "device_assignment_history" ADD CONSTRAINT "device_assignment_history_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The history starts with each existing device's current placement, dated when it was provisioned.
INSERT INTO "device_assignment_history" ("device_id", "at", "kind", "patient_id", "label", "reason")
SELECT d.id, d.created_at,
       CASE WHEN d.patient_id IS NOT NULL THEN 'patient' WHEN d.bed_id IS NOT NULL THEN 'bed'
            WHEN d.asset_tag IS NOT NULL THEN 'asset' WHEN d.location IS NOT NULL THEN 'location' ELSE 'none' END,
       d.patient_id,
       COALESCE(w.code || '/' || b.label, pw.code || '/' || pb.label, d.asset_tag, d.location),
       'placement when the history began'
  FROM "devices" d
  LEFT JOIN "beds" b ON b.id = d.bed_id
  LEFT JOIN "wards" w ON w.id = b.ward_id
  LEFT JOIN "patients" p ON p.id = d.patient_id
  LEFT JOIN "beds" pb ON pb.id = p.bed_id
  LEFT JOIN "wards" pw ON pw.id = pb.ward_id;
