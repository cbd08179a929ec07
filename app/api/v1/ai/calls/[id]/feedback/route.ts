import { apiRoute } from "@/lib/http/api-route";
import { recordFeedback } from "@/lib/ai/service";
import { feedbackBody, idParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ params: idParams, body: feedbackBody, fieldsIn: "body" }, async ({ principal, meta, params, body }) => {
  await recordFeedback({ principal, meta }, params.id, body);
  return { ok: true };
});
