// GET /api/v1/wards → {wards: [{id, code, name, beds: [{id, label, room, patientId}]}]} in the caller's scope
// (patientId null for a free bed). Who lies where is patient data: each occupant is an audited read.
import { apiRoute } from "@/lib/http/api-route";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listWardBeds } from "@/lib/encounters/list-wards";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async ({ principal, meta }) => {
  const wards = await listWardBeds(principal);
  const patientIds = wards.flatMap((w) => w.beds.flatMap((b) => (b.patientId ? [b.patientId] : [])));
  await recordPatientReads(principal, "ward.beds", patientIds, meta, { via: "api" });
  return { wards };
});
