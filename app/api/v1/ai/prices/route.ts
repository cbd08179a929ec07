import { apiRoute } from "@/lib/http/api-route";
import { listPrices, setPrice } from "@/lib/ai/service";
import { priceBody } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"] }, async ({ principal, meta }) => ({ prices: await listPrices({ principal, meta }) }));

export const PUT = apiRoute({ roles: ["admin"], body: priceBody, fieldsIn: "body" }, async ({ principal, meta, body }) => ({
  price: await setPrice({ principal, meta }, body),
}));
