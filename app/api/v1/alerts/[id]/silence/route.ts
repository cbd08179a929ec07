import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { silenceAlert } from "@/lib/alerts/alert-actions";
import { MAX_SILENCE_MINUTES } from "@/lib/alerts/alert-policy";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  reason: z.string({ error: "a reason is required" }).trim().min(1, "a reason is required").max(500, "at most 500 characters"),
  minutes: z
    .number({ error: "minutes must be a number" })
    .int("minutes must be a whole number")
    .min(1, "at least 1 minute")
    .max(MAX_SILENCE_MINUTES, `at most ${MAX_SILENCE_MINUTES} minutes`),
});

/** Audio paused for up to 30 minutes; the alert stays visible and still escalates until acknowledged. */
export const POST = apiRoute(
  { roles: ALERT_ROLES, params: z.object({ id: z.string().min(1).max(100) }), body: bodySchema },
  async ({ principal, params, body, meta }) => ({
    alert: await silenceAlert(principal, params.id, body, { meta }),
  }),
);
