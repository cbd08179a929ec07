import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { ALERT_PRIORITIES, ALERT_STATES } from "@/lib/events";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  patientId: z.string().min(1).max(100).optional(),
  wardId: z.string().min(1).max(100).optional(),
  status: z
    .enum([...ALERT_STATES, "open", "all"], { error: `must be one of: ${[...ALERT_STATES, "open", "all"].join(", ")}` })
    .default("open"),
  priority: z.enum(ALERT_PRIORITIES, { error: `must be one of: ${ALERT_PRIORITIES.join(", ")}` }).optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").default(200),
});

/** Alerts in the caller's scope, high priority first, then the oldest. */
export const GET = apiRoute({ query: querySchema }, async ({ principal, query, meta }) => {
  const alerts = await listAlerts(principal, query);
  const patientIds = [...new Set(alerts.flatMap((a) => (a.patientId ? [a.patientId] : [])))];
  await recordPatientReads(principal, "alerts.read", patientIds, meta, { via: "api", status: query.status });
  return { alerts };
});
