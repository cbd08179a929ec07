import { apiRoute } from "@/lib/http/api-route";
import { aiStatus } from "@/lib/ai/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async () => aiStatus());
