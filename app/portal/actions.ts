"use server";
// The portal's one write: a patient acknowledges their own alert ("I have seen it and I am acting on it").
// The same domain function as the acknowledge route (POST /api/v1/alerts/{id}/acknowledge) and the queue:
// it checks the alert is the caller's own, writes the trail and audit, and announces it on the socket.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { acknowledgeAlert } from "@/lib/alerts/alert-actions";

export const acknowledgeOwnAlertAction = safeAction(
  {
    roles: ["patient"],
    input: z.object({
      alertId: z.string({ error: "alertId: an alert is required" }).trim().min(1, "alertId: an alert is required").max(100),
    }),
    wording: { failed: "Not acknowledged", unavailable: "This alert is not available to you." },
  },
  async ({ principal, input, meta }) => {
    const alert = await acknowledgeAlert(principal, input.alertId, { meta });
    return { id: alert.id, state: alert.state };
  },
);
