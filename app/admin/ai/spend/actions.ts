"use server";
// Server functions of the AI spend page (admins): the figures the charts refresh (spend per day by
// feature and model over the last 30 days, each budget's use in its current period, the month's
// forecast), and the writes: a new price row (history kept: a row never changes, a newer one
// supersedes it) and a budget (soft threshold and hard limit per scope and period). Audited by lib/ai.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { forecast, listBudgets, setBudget, setPrice, spendByDay } from "@/lib/ai/service";
import { spendRange } from "@/components/ai/spend-chart-data";

const ADMIN = ["admin"] as const;
const CHART_DAYS = 30;
const usd = z.number({ error: "must be a number of USD" }).min(0, "must not be negative").max(9_000_000, "must be at most 9,000,000");
const wording = { failed: "Not saved", unavailable: "Not available." };

export const loadSpendAction = safeAction({ roles: ADMIN, input: z.object({}) }, async ({ principal, meta }) => {
  const now = new Date();
  const range = spendRange(now, CHART_DAYS);
  const actor = { principal, meta };
  const [daily, budgets, month] = await Promise.all([spendByDay(actor, range), listBudgets(actor), forecast(actor, now)]);
  return { daily, budgets, forecast: month, fromDay: range.fromDay, toDay: range.toDay, at: now.toISOString() };
});

export const setPriceAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({
      model: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
      inputPerM: usd,
      cachedInputPerM: usd,
      outputPerM: usd,
      effectiveFrom: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date")
        .optional(),
    }),
    wording,
  },
  ({ principal, meta, input }) =>
    setPrice(
      { principal, meta },
      { ...input, effectiveFrom: input.effectiveFrom ? new Date(`${input.effectiveFrom}T00:00:00.000Z`) : undefined },
    ),
);

export const setBudgetAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({
      scope: z.string().trim().min(1, "must not be empty").max(80),
      period: z.enum(["day", "month"], { error: 'must be "day" or "month"' }),
      softUsd: usd.nullable(),
      hardUsd: usd,
    }),
    wording,
  },
  ({ principal, meta, input }) => setBudget({ principal, meta }, input),
);
