// Budget scopes and periods. A budget applies to every call (global), to one feature (`feature:<name>`)
// or to one user (`user:<id>`), per UTC day or UTC month; a period's usage resets at its end.
import { z } from "zod";

export type BudgetPeriod = "day" | "month";
export const BUDGET_PERIODS: readonly BudgetPeriod[] = ["day", "month"];

export const budgetScopeSchema = z
  .string()
  .regex(
    /^(global|feature:[a-z0-9][a-z0-9_.-]{0,63}|user:[A-Za-z0-9_-]{1,64})$/,
    'scope must be "global", "feature:<name>" or "user:<id>"',
  );
export type BudgetScope = z.infer<typeof budgetScopeSchema>;

/** The scopes whose budgets a call by `userId` for `feature` must fit in, global first. */
export function applicableScopes(call: { feature: string; userId: string }): BudgetScope[] {
  return ["global", `feature:${call.feature}`, `user:${call.userId}`];
}

export type PeriodBounds = { start: Date; end: Date };

/** The UTC period containing `at`: [start, end); `end` is when the budget resets. */
export function periodBounds(period: BudgetPeriod, at: Date): PeriodBounds {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  if (period === "day") {
    const d = at.getUTCDate();
    return { start: new Date(Date.UTC(y, m, d)), end: new Date(Date.UTC(y, m, d + 1)) };
  }
  return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
}

export function resetTime(period: BudgetPeriod, at: Date): Date {
  return periodBounds(period, at).end;
}

/** A budget's name in messages and logs: `<scope>/<period>`, e.g. `feature:handover-summary/day`. */
export function budgetName(scope: BudgetScope, period: BudgetPeriod): string {
  return `${scope}/${period}`;
}

/** The refusal text of the contract: `AI budget <name> exhausted until <reset time>`. */
export function budgetExhaustedMessage(scope: BudgetScope, period: BudgetPeriod, resetAt: Date): string {
  return `AI budget ${budgetName(scope, period)} exhausted until ${resetAt.toISOString()}`;
}
