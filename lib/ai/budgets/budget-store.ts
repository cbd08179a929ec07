// Budgets as admins set and see them: global, per feature or per user, per UTC day or month, a soft
// threshold (admins are told once per period) and a hard limit (calls that do not fit are refused).
// Amounts are integer nano-USD in the database; views carry decimal USD.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { budgetName, budgetScopeSchema, periodBounds, type BudgetPeriod } from "@/lib/ai/costs/periods";
import { nanoToUsd, usdToNano } from "@/lib/ai/costs/money";
import type { BudgetView, SetBudgetInput } from "@/lib/ai/service-types";
import type { AiActor } from "@/lib/ai/actor";
import { num, numOrNull } from "./rows";

type BudgetRow = {
  id: string;
  scope: string;
  period: BudgetPeriod;
  soft_nusd: unknown;
  hard_nusd: unknown;
  spent_nusd: unknown;
  reserved_nusd: unknown;
};

/** Every budget with its usage in the period containing `now`. */
export async function listBudgetViews(now = new Date()): Promise<BudgetView[]> {
  const { sql } = await getDatabase();
  const day = periodBounds("day", now);
  const month = periodBounds("month", now);
  const rows = await sql.query<BudgetRow>(
    `SELECT b.id, b.scope, b.period, b.soft_nusd, b.hard_nusd,
            COALESCE(u.spent_nusd, 0) AS spent_nusd, COALESCE(u.reserved_nusd, 0) AS reserved_nusd
       FROM ai_budgets b
       LEFT JOIN ai_budget_usage u
         ON u.budget_id = b.id AND u.period_start = CASE WHEN b.period = 'day' THEN $1::timestamptz ELSE $2::timestamptz END
      ORDER BY CASE WHEN b.scope = 'global' THEN 0 WHEN b.scope LIKE 'feature:%' THEN 1 ELSE 2 END, b.scope, b.period`,
    [day.start, month.start],
  );
  return rows.map((r) => {
    const bounds = r.period === "day" ? day : month;
    const soft = numOrNull(r.soft_nusd);
    const spent = num(r.spent_nusd);
    return {
      id: r.id,
      scope: r.scope,
      period: r.period,
      name: budgetName(r.scope, r.period),
      softUsd: soft === null ? null : nanoToUsd(soft),
      hardUsd: nanoToUsd(num(r.hard_nusd)),
      spentUsd: nanoToUsd(spent),
      reservedUsd: nanoToUsd(num(r.reserved_nusd)),
      periodStart: bounds.start.toISOString(),
      resetsAt: bounds.end.toISOString(),
      softReached: soft !== null && spent >= soft,
    };
  });
}

function toNano(field: string, v: number): number {
  try {
    return usdToNano(v);
  } catch (err) {
    throw new Refusal("invalid", (err as Error).message, { field });
  }
}

/** Creates or changes the budget of (scope, period); audited with before and after. */
export async function saveBudget(actor: AiActor, input: SetBudgetInput): Promise<BudgetView> {
  const scope = budgetScopeSchema.safeParse(input.scope);
  if (!scope.success) throw new Refusal("invalid", scope.error.issues[0]?.message ?? "invalid scope", { field: "scope" });
  if (input.period !== "day" && input.period !== "month") throw new Refusal("invalid", 'must be "day" or "month"', { field: "period" });
  const hard = toNano("hardUsd", input.hardUsd);
  const soft = input.softUsd === undefined || input.softUsd === null ? null : toNano("softUsd", input.softUsd);
  if (soft !== null && soft > hard) throw new Refusal("invalid", "must not be above hardUsd", { field: "softUsd" });
  const { prisma } = await getDatabase();
  const before = await prisma.aiBudget.findUnique({ where: { scope_period: { scope: scope.data, period: input.period } } });
  const row = await prisma.aiBudget.upsert({
    where: { scope_period: { scope: scope.data, period: input.period } },
    create: {
      scope: scope.data,
      period: input.period,
      softNusd: soft === null ? null : BigInt(soft),
      hardNusd: BigInt(hard),
      updatedById: actor.principal.userId,
    },
    update: {
      softNusd: soft === null ? null : BigInt(soft),
      hardNusd: BigInt(hard),
      updatedById: actor.principal.userId,
      updatedAt: new Date(),
    },
  });
  const usd = (v: bigint | null | undefined) => (v === null || v === undefined ? null : nanoToUsd(Number(v)));
  await recordAudit([
    {
      actor: actor.principal,
      action: "ai.budget.set",
      meta: actor.meta,
      detail: {
        budget: budgetName(scope.data, input.period),
        before: before ? { softUsd: usd(before.softNusd), hardUsd: usd(before.hardNusd) } : null,
        after: { softUsd: usd(row.softNusd), hardUsd: usd(row.hardNusd) },
      },
    },
  ]);
  const view = (await listBudgetViews()).find((b) => b.id === row.id);
  if (!view) throw new Error("budget row vanished");
  return view;
}
