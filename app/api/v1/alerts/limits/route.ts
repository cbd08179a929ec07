import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listAlarmLimits, setAlarmLimit, type AlarmLimitTarget } from "@/lib/alerts/alarm-limit-settings";
import { Refusal } from "@/lib/errors/refusal";

export const dynamic = "force-dynamic";

const target = z
  .object({ wardId: z.string().min(1).max(100).optional(), patientId: z.string().min(1).max(100).optional() })
  .refine((t) => !!t.wardId !== !!t.patientId, { message: "give either wardId or patientId", path: ["wardId"] });

function toTarget(t: { wardId?: string; patientId?: string }): AlarmLimitTarget {
  if (t.patientId) return { kind: "patient", patientId: t.patientId };
  if (t.wardId) return { kind: "ward", wardId: t.wardId };
  throw new Refusal("invalid", "give either wardId or patientId");
}

const limit = z.number({ error: "must be a number or null" }).finite().nullable();
const bodySchema = z.intersection(
  target,
  z.object({
    code: z.string({ error: "code is required" }).min(1, "code is required"),
    low: limit,
    high: limit,
    reason: z.string().trim().max(500, "at most 500 characters").optional(),
  }),
);

/** The alarm limits in force for a ward (?wardId=) or a patient (?patientId=), per metric. */
export const GET = apiRoute({ roles: CLINICAL_ROLES, query: target }, async ({ principal, query, meta }) => {
  const limits = await listAlarmLimits(principal, toTarget(query));
  if (query.patientId) await recordPatientReads(principal, "alarm_limits.read", [query.patientId], meta);
  return { limits };
});

/** Sets a ward default or a patient override (physicians and admins; a patient override needs a reason). Low and high both null remove it. */
export const PUT = apiRoute({ roles: ["admin", "physician"], body: bodySchema, fieldsIn: "body" }, async ({ principal, body, meta }) => ({
  limits: await setAlarmLimit(principal, toTarget(body), { code: body.code, low: body.low, high: body.high, reason: body.reason }, meta),
}));
