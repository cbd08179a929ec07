import { apiRoute } from "@/lib/http/api-route";
import { approveVersion } from "@/lib/ai/service";
import { versionParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ roles: ["admin"], params: versionParams }, async ({ principal, meta, params }) => ({
  version: await approveVersion({ principal, meta }, params.name, params.version),
}));
