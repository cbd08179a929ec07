import { apiRoute } from "@/lib/http/api-route";
import { requireOwnPatient } from "@/lib/auth/own-patient";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listCareMessages, sendCareMessage } from "@/lib/programs/care-messages";
import { messageBodySchema } from "@/lib/programs/message-body";

export const dynamic = "force-dynamic";

/** GET → {messages: [{id, patientId, direction, body, senderName, createdAt}]}: the signed-in patient's thread. */
export const GET = apiRoute({ roles: ["patient"] }, async ({ principal, meta }) => {
  const patientId = requireOwnPatient(principal);
  const messages = await listCareMessages(patientId);
  await recordPatientReads(principal, "messages.read", [patientId], meta);
  return { messages };
});

/** POST {body} → 201 {message}: to the care team (live `message:new`). */
export const POST = apiRoute({ roles: ["patient"], body: messageBodySchema, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const message = await sendCareMessage(principal, requireOwnPatient(principal), body.body, meta);
  return Response.json({ message }, { status: 201 });
});
