"use server";
// Server actions of the alert queue: acknowledge, resolve (with a reason), silence (reason and at most
// 30 minutes), escalate. Thin wrappers over the lib/alerts domain functions, which check the caller's
// scope, write the trail and audit, and announce the change on the socket; refusals come back as
// messages ("the alert is already resolved").
import { z } from "zod";
import { safeAction, type RefusalWording } from "@/lib/actions/safe-action";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { acknowledgeAlert, resolveAlert, silenceAlert } from "@/lib/alerts/alert-actions";
import { MAX_SILENCE_MINUTES } from "@/lib/alerts/alert-policy";
import { alertingConfig } from "@/lib/alerts/alerting-config";
import { escalateAlert } from "@/lib/alerts/escalate-alert";

const alertId = z.string().trim().min(1, "an alert is required").max(100);
const reason = z.string({ error: "a reason is required" }).trim().min(1, "a reason is required").max(500, "at most 500 characters");

const wording: RefusalWording = { failed: "Not changed", unavailable: "This alert is not available to you." };

export const acknowledgeAlertAction = safeAction(
  { roles: ALERT_ROLES, input: z.object({ alertId }), wording },
  ({ principal, input, meta }) => acknowledgeAlert(principal, input.alertId, { meta }),
);

export const resolveAlertAction = safeAction(
  { roles: ALERT_ROLES, input: z.object({ alertId, reason }), wording },
  ({ principal, input, meta }) => resolveAlert(principal, input.alertId, input.reason, { meta }),
);

export const silenceAlertAction = safeAction(
  {
    roles: ALERT_ROLES,
    input: z.object({
      alertId,
      reason,
      minutes: z.coerce
        .number({ error: "minutes must be a number" })
        .int("minutes must be a whole number")
        .min(1, "at least 1 minute")
        .max(MAX_SILENCE_MINUTES, `at most ${MAX_SILENCE_MINUTES} minutes`),
    }),
    wording,
  },
  ({ principal, input, meta }) => silenceAlert(principal, input.alertId, { reason: input.reason, minutes: input.minutes }, { meta }),
);

export const escalateAlertAction = safeAction(
  { roles: ALERT_ROLES, input: z.object({ alertId, reason: z.string().trim().max(500, "at most 500 characters").optional() }), wording },
  ({ principal, input, meta }) =>
    escalateAlert(principal, input.alertId, { escalationMs: alertingConfig().escalationMs, reason: input.reason || undefined, meta }),
);
