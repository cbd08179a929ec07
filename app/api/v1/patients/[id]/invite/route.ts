import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { invitePatient, invitePatientBodySchema } from "@/lib/programs/invite-patient";

export const dynamic = "force-dynamic";

/** POST {email, name?} → 201 {user, invite: {path, expiresAt}}: the patient's portal account and its one-time
 *  link (admins, the patient's care team); 409 when the patient already has an account or the email is taken. */
export const POST = apiRoute(
  { roles: CLINICAL_ROLES, params: z.object({ id: z.string().min(1) }), body: invitePatientBodySchema, fieldsIn: "body" },
  async ({ principal, params, body, meta }) => Response.json(await invitePatient(principal, params.id, body, meta), { status: 201 }),
);
