"use server";
// Catch-up for live alert views (queue, ward tiles): the alerts in the caller's scope for a filter, with
// the server time the list was taken at (before the query), merged by the client with what arrived
// live. Same query as the pages (listAlerts); the read is audited like theirs.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { ALERT_PRIORITIES } from "@/lib/alerts/alert-types";
import { QUEUE_STATES } from "./queue-filter";

const input = z.object({
  wardId: z.string().min(1).max(100).nullable(),
  priority: z.enum(ALERT_PRIORITIES).nullable(),
  state: z.enum(QUEUE_STATES),
  limit: z.number().int().min(1).max(1000),
  /** Where the list is shown, for the audit trail ("queue", "ward"). */
  view: z.enum(["queue", "ward"]),
});

export const loadAlertList = safeAction({ roles: ALERT_ROLES, input }, async ({ principal, input: f, meta }) => {
  const generatedAt = new Date().toISOString();
  const alerts = await listAlerts(principal, { wardId: f.wardId ?? undefined, priority: f.priority ?? undefined, status: f.state, limit: f.limit });
  const patientIds = [...new Set(alerts.flatMap((a) => (a.patientId ? [a.patientId] : [])))];
  await recordPatientReads(principal, "alerts.read", patientIds, meta, { via: `${f.view}.catch-up`, wardId: f.wardId, priority: f.priority, state: f.state });
  return { generatedAt, alerts };
});
