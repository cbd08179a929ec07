import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { recordCorrectiveAction } from "@/lib/environment/excursion-queries";
import { CORRECTIVE_ACTION_MAX, CORRECTIVE_ACTION_MIN, ENVIRONMENT_ROLES } from "@/lib/environment/excursion-types";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  action: z
    .string({ error: "a corrective action is required" })
    .trim()
    .min(CORRECTIVE_ACTION_MIN, `at least ${CORRECTIVE_ACTION_MIN} characters`)
    .max(CORRECTIVE_ACTION_MAX, `at most ${CORRECTIVE_ACTION_MAX} characters`),
});

/** Records what was done about an excursion; once only (409 after that, naming who recorded it). */
export const POST = apiRoute(
  { roles: ENVIRONMENT_ROLES, params: z.object({ id: z.string().min(1).max(100) }), body: bodySchema, fieldsIn: "body" },
  async ({ principal, params, body, meta }) => ({ excursion: await recordCorrectiveAction(principal, params.id, body.action, { meta }) }),
);
