// POST /api/v1/encounters/{id}/transfer {bedId, at?}: move the patient to another free bed.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { transferBodySchema, transferPatient } from "@/lib/encounters/transfer-patient";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { roles: ADT_ROLES, params: z.object({ id: z.string().min(1) }), body: transferBodySchema, fieldsIn: "body" },
  async ({ principal, params, body, meta }) => ({ encounter: await transferPatient({ kind: "user", principal, meta }, params.id, body) }),
);
