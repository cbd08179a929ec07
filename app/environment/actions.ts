"use server";
// Server action of the environment record page: record the corrective action for an excursion or logger
// gap. The domain function checks the caller's scope, keeps the record append-only and audits it;
// refusals come back as messages ("a corrective action was already recorded by …").
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { recordCorrectiveAction } from "@/lib/environment/excursion-queries";
import { CORRECTIVE_ACTION_MAX, CORRECTIVE_ACTION_MIN, ENVIRONMENT_ROLES } from "@/lib/environment/excursion-types";

export const recordCorrectiveActionAction = safeAction(
  {
    roles: ENVIRONMENT_ROLES,
    input: z.object({
      excursionId: z.string().trim().min(1, "an excursion is required").max(100),
      action: z
        .string({ error: "describe what was done" })
        .trim()
        .min(CORRECTIVE_ACTION_MIN, `at least ${CORRECTIVE_ACTION_MIN} characters`)
        .max(CORRECTIVE_ACTION_MAX, `at most ${CORRECTIVE_ACTION_MAX} characters`),
    }),
    wording: { failed: "Not recorded", unavailable: "This excursion is not available to you." },
  },
  ({ principal, input, meta }) => recordCorrectiveAction(principal, input.excursionId, input.action, { meta }),
);
