import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { enrolInProgram } from "@/lib/programs/enrolment-service";

export const dynamic = "force-dynamic";

const body = z.object({ patientId: z.string({ error: "must be a patient id" }).min(1, "must be a patient id") }).strict();

/** POST {patientId} → 201 {enrolment}; 404 unknown program or patient, 409 already enrolled. */
export const POST = apiRoute(
  { roles: CLINICAL_ROLES, params: z.object({ id: z.string().min(1) }), body, fieldsIn: "body" },
  async ({ principal, params, body, meta }) =>
    Response.json({ enrolment: await enrolInProgram(principal, params.id, body.patientId, meta) }, { status: 201 }),
);
