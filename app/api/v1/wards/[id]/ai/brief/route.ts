import { apiRoute } from "@/lib/http/api-route";
import { wardBrief } from "@/lib/ai/service";
import { idParams } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

// Role and scope are checked by the AI service (403); 429 over budget; 503 when the model fails or times out.
export const POST = apiRoute({ params: idParams }, async ({ principal, meta, params }) => wardBrief({ principal, meta }, params.id));
