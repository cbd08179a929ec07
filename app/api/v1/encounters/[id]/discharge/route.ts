// POST /api/v1/encounters/{id}/discharge {disposition, at?, dischargeOrderedAt?}: end the stay, free the bed, detach devices.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { dischargeBodySchema, dischargePatient } from "@/lib/encounters/discharge-patient";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { roles: ADT_ROLES, params: z.object({ id: z.string().min(1) }), body: dischargeBodySchema, fieldsIn: "body" },
  async ({ principal, params, body, meta }) => ({ encounter: await dischargePatient({ kind: "user", principal, meta }, params.id, body) }),
);
