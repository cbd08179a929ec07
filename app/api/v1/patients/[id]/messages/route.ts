import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requirePatientInScope } from "@/lib/programs/program-access";
import { listCareMessages, sendCareMessage } from "@/lib/programs/care-messages";
import { messageBodySchema } from "@/lib/programs/message-body";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1) });

/** GET → {messages}: the patient's thread with the care team (clinicians who may see the patient, admins). */
export const GET = apiRoute({ roles: CLINICAL_ROLES, params }, async ({ principal, params, meta }) => {
  const patient = await requirePatientInScope(principal, params.id, "id");
  const messages = await listCareMessages(patient.id);
  await recordPatientReads(principal, "messages.read", [patient.id], meta);
  return { messages };
});

/** POST {body} → 201 {message}: to the patient (live `message:new` to their portal). */
export const POST = apiRoute({ roles: CLINICAL_ROLES, params, body: messageBodySchema }, async ({ principal, params, body, meta }) => {
  const patient = await requirePatientInScope(principal, params.id, "id");
  const message = await sendCareMessage(principal, patient.id, body.body, meta);
  return Response.json({ message }, { status: 201 });
});
