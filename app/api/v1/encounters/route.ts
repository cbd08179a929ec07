// POST /api/v1/encounters: admit a patient to a free bed.
import { apiRoute } from "@/lib/http/api-route";
import { admitBodySchema, admitPatient } from "@/lib/encounters/admit-patient";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";

export const dynamic = "force-dynamic";

/** POST {patientId, bedId (id or "WARD/label"), admittedAt?, admitDecidedAt?, patientClass?, visitNumber?} → 201 {encounter}; 409 bed occupied or patient already admitted. */
export const POST = apiRoute({ roles: ADT_ROLES, body: admitBodySchema, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const encounter = await admitPatient({ kind: "user", principal, meta }, body);
  return Response.json({ encounter }, { status: 201 });
});
