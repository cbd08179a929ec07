import { apiRoute } from "@/lib/http/api-route";
import { listPrompts } from "@/lib/ai/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"] }, async ({ principal, meta }) => ({
  prompts: (await listPrompts({ principal, meta })).map((p) => ({ ...p })),
}));
