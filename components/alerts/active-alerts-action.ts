"use server";
// The nav count's resync: the active alerts in the caller's scope as light marks (no patient data, so
// no audited read), with the server time the list was taken at.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { toMark } from "./active-alerts";

export const loadActiveAlertMarks = safeAction({ roles: ALERT_ROLES, input: z.object({}) }, async ({ principal }) => {
  const generatedAt = new Date().toISOString();
  const alerts = await listAlerts(principal, { status: "active", limit: 1000 });
  return { generatedAt, marks: alerts.map(toMark) };
});
