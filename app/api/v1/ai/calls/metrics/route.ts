import { apiRoute } from "@/lib/http/api-route";
import { versionMetrics } from "@/lib/ai/service";
import { callsQuery } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"], query: callsQuery }, async ({ principal, meta, query }) => {
  const { format: _format, limit: _limit, ...filter } = query;
  return { versions: await versionMetrics({ principal, meta }, filter) };
});
