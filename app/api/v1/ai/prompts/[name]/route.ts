import { apiRoute } from "@/lib/http/api-route";
import { getPrompt } from "@/lib/ai/service";
import { promptNameParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"], params: promptNameParams }, async ({ principal, meta, params }) =>
  getPrompt({ principal, meta }, params.name),
);
