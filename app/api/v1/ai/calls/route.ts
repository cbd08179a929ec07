import { apiRoute } from "@/lib/http/api-route";
import { callsCsv, listCalls } from "@/lib/ai/service";
import { callsQuery } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"], query: callsQuery }, async ({ principal, meta, query }) => {
  const { format, ...filter } = query;
  if (format === "csv") {
    return new Response(await callsCsv({ principal, meta }, filter), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="ai-calls.csv"' },
    });
  }
  const calls = await listCalls({ principal, meta }, filter);
  return { calls };
});
