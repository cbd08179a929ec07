import { apiRoute } from "@/lib/http/api-route";
import { previewVersion } from "@/lib/ai/service";
import { previewBody, versionParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { roles: ["admin"], params: versionParams, body: previewBody, fieldsIn: "body" },
  async ({ principal, meta, params, body }) => previewVersion({ principal, meta }, params.name, params.version, body),
);
