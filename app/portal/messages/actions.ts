"use server";
// The patient writes to their care team from the portal.
import { safeAction } from "@/lib/actions/safe-action";
import { Refusal } from "@/lib/errors/refusal";
import { sendCareMessage } from "@/lib/programs/care-messages";
import { messageBodySchema } from "@/lib/programs/message-body";

export const sendMyMessageAction = safeAction({ roles: ["patient"], input: messageBodySchema }, async ({ principal, input, meta }) => {
  if (!principal.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return sendCareMessage(principal, principal.patientId, input.body, meta);
});
