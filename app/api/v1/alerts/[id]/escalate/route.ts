import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { escalateAlert } from "@/lib/alerts/escalate-alert";
import { alertingConfig } from "@/lib/alerts/alerting-config";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ reason: z.string().trim().max(500, "at most 500 characters").optional() });

/** Escalates one level now (charge nurse, then the physician on call). */
export const POST = apiRoute(
  { roles: ALERT_ROLES, params: z.object({ id: z.string().min(1).max(100) }), body: bodySchema },
  async ({ principal, params, body, meta }) => {
    const { escalationMs } = alertingConfig();
    return { alert: await escalateAlert(principal, params.id, { escalationMs, reason: body.reason || undefined, meta }) };
  },
);
