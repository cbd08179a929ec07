"use server";
// The nav count's periodic check (every two minutes, and when a catch-up had too much to say): the
// active alerts in the caller's scope as light marks (no patient data, so no audited read), with the
// server time the list was taken at.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { NAV_ALERT_LIMIT, toMark } from "./active-alerts";

export const loadActiveAlertMarks = safeAction({ kind: "read", roles: ALERT_ROLES, input: z.object({}) }, async ({ principal }) => {
  const generatedAt = new Date().toISOString();
  const alerts = await listAlerts(principal, { status: "active", limit: NAV_ALERT_LIMIT });
  return { generatedAt, marks: alerts.map(toMark) };
});
