import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { ACKNOWLEDGE_ROLES, acknowledgeAlert } from "@/lib/alerts/alert-actions";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { roles: ACKNOWLEDGE_ROLES, params: z.object({ id: z.string().min(1).max(100) }) },
  async ({ principal, params, meta }) => ({
    alert: await acknowledgeAlert(principal, params.id, { meta }),
  }),
);
