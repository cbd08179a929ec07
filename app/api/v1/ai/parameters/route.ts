import { apiRoute } from "@/lib/http/api-route";
import { listParameters } from "@/lib/ai/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"] }, async ({ principal, meta }) => ({
  parameters: await listParameters({ principal, meta }),
}));
