import { apiRoute } from "@/lib/http/api-route";
import { listBudgets, setBudget } from "@/lib/ai/service";
import { budgetBody } from "@/lib/ai/http-schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"] }, async ({ principal, meta }) => ({ budgets: await listBudgets({ principal, meta }) }));

export const PUT = apiRoute({ roles: ["admin"], body: budgetBody, fieldsIn: "body" }, async ({ principal, meta, body }) => ({
  budget: await setBudget({ principal, meta }, body),
}));
