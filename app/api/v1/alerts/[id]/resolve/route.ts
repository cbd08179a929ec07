import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { resolveAlert } from "@/lib/alerts/alert-actions";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  reason: z.string({ error: "a reason is required" }).trim().min(1, "a reason is required").max(500, "at most 500 characters"),
});

export const POST = apiRoute(
  { roles: ALERT_ROLES, params: z.object({ id: z.string().min(1).max(100) }), body: bodySchema },
  async ({ principal, params, body, meta }) => ({
    alert: await resolveAlert(principal, params.id, body.reason, { meta }),
  }),
);
