"use server";
// Server actions of the alert queue: acknowledge, resolve (with a reason), silence (reason and at most
// 30 minutes), escalate. Thin wrappers over the lib/alerts domain functions, which check the caller's
// scope, write the trail and audit, and announce the change on the socket; refusals come back as
// messages ("the alert is already resolved").
import { z } from "zod";
import { ActionError, safeAction } from "@/lib/actions/safe-action";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { acknowledgeAlert, MAX_SILENCE_MINUTES, resolveAlert, silenceAlert } from "@/lib/alerts/alert-actions";
import { AlertAccessError } from "@/lib/alerts/alert-queries";
import { alertingConfig } from "@/lib/alerts/alerting-config";
import { escalateAlert } from "@/lib/alerts/escalate-alert";
import type { AlertView } from "@/lib/events";

const alertId = z.string().trim().min(1, "an alert is required").max(100);
const reason = z.string({ error: "a reason is required" }).trim().min(1, "a reason is required").max(500, "at most 500 characters");

async function refusalsAsMessages(fn: () => Promise<AlertView>): Promise<AlertView> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AlertAccessError) throw new ActionError(err.kind === "conflict" ? `Not changed: ${err.message}.` : "This alert is not available to you.");
    throw err;
  }
}

export const acknowledgeAlertAction = safeAction({ roles: ALERT_ROLES, input: z.object({ alertId }) }, ({ principal, input, meta }) =>
  refusalsAsMessages(() => acknowledgeAlert(principal, input.alertId, { meta })),
);

export const resolveAlertAction = safeAction({ roles: ALERT_ROLES, input: z.object({ alertId, reason }) }, ({ principal, input, meta }) =>
  refusalsAsMessages(() => resolveAlert(principal, input.alertId, input.reason, { meta })),
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
  },
  ({ principal, input, meta }) => refusalsAsMessages(() => silenceAlert(principal, input.alertId, { reason: input.reason, minutes: input.minutes }, { meta })),
);

export const escalateAlertAction = safeAction(
  { roles: ALERT_ROLES, input: z.object({ alertId, reason: z.string().trim().max(500, "at most 500 characters").optional() }) },
  ({ principal, input, meta }) =>
    refusalsAsMessages(() => escalateAlert(principal, input.alertId, { escalationMs: alertingConfig().escalationMs, reason: input.reason || undefined, meta })),
);
