"use server";
// Server action of the patient page: a physician (of the patient's ward) or an admin sets or removes a
// per-patient alarm limit override, always with a reason. lib/alerts checks the scope, audits the change
// and tells the alarm engine, which applies it at once; refusals come back as messages.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { setAlarmLimit, type EffectiveLimitView } from "@/lib/alerts/alarm-limit-settings";

const limit = z.number({ error: "must be a number" }).finite("must be a number").nullable();

export const setPatientLimitAction = safeAction(
  {
    roles: ["admin", "physician"],
    input: z.object({
      patientId: z.string().trim().min(1).max(100),
      code: z.string().trim().min(1, "choose a parameter").max(50),
      low: limit,
      high: limit,
      reason: z.string({ error: "a reason is required" }).trim().min(1, "a reason is required").max(500, "at most 500 characters"),
    }),
    wording: { failed: "Not saved", unavailable: "You may not change this patient's alarm limits." },
  },
  ({ principal, input, meta }): Promise<EffectiveLimitView[]> =>
    setAlarmLimit(
      principal,
      { kind: "patient", patientId: input.patientId },
      { code: input.code, low: input.low, high: input.high, reason: input.reason },
      meta,
    ),
);
