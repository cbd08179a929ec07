// AI spend (admins): spend per day by feature and model, the month so far against each budget and a
// straight-line forecast to month end (refreshed while open); the price table with its history and a
// form for a new price; the budgets (global, per feature, per user; per day or month; soft threshold
// and hard limit) and their edit form.
import type { Metadata } from "next";
import { AiAdminHeader } from "@/components/ai/ai-admin-header";
import { AppNav } from "@/components/app-nav";
import { spendRange } from "@/components/ai/spend-chart-data";
import { aiStatus, AI_FEATURES, forecast, listBudgets, listPrices, spendByDay } from "@/lib/ai/service";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { BudgetSection } from "./budget-section";
import { PriceSection } from "./price-section";
import { SpendView } from "./spend-view";

export const metadata: Metadata = { title: "AI spend · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function SpendPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/ai/spend" });
  const actor = { principal, meta };
  const now = new Date();
  const range = spendRange(now, 30);
  const [daily, budgets, month, prices, status] = await Promise.all([
    spendByDay(actor, range),
    listBudgets(actor),
    forecast(actor, now),
    listPrices(actor),
    aiStatus(),
  ]);
  return (
    <>
      <AppNav principal={principal} current="/admin/ai" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <AiAdminHeader title="AI spend and budgets" section="/admin/ai/spend" status={status}>
          A call costs its tokens at the price in force when it ran (cached input priced apart). Before a call its worst case is reserved
          against every budget that applies, in the same transaction as its log row; a call that does not fit is refused (HTTP 429), so
          concurrent calls never overshoot a hard limit.
        </AiAdminHeader>
        <SpendView initial={{ daily, budgets, forecast: month, fromDay: range.fromDay, toDay: range.toDay, at: now.toISOString() }} />
        <BudgetSection budgets={budgets} features={[...AI_FEATURES]} />
        <PriceSection prices={prices} now={now.toISOString()} />
      </main>
    </>
  );
}
