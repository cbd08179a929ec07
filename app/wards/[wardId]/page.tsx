// The ward central station: checks access before anything is sent (a denied ward answers 403, an unknown
// one 404), then streams: the first bytes carry the nav and a placeholder at once, the ward follows when
// its starting snapshot, its open alerts (with the nav count's, in one query) and the audit of the read
// are done, and the live client dashboard takes over. router.refresh() from the dashboard re-runs this for a resync.
import { Suspense } from "react";
import { forbidden, notFound } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { PageLoading } from "@/components/page-loading";
import { DutyGapBanner } from "@/components/duty/duty-gap-banner";
import { canSeeWard, CLINICAL_ROLES, type Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import { recordDeniedRead } from "@/lib/audit/record-denied";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { mayAskWardBrief } from "@/lib/ai/service";
import { loadWard, wardExists } from "./load-ward";
import { WardDashboard } from "./ward-dashboard";

export default async function WardPage({ params }: { params: Promise<{ wardId: string }> }) {
  const { wardId } = await params;
  const { principal, meta } = await requirePagePrincipal({ roles: CLINICAL_ROLES, returnTo: `/wards/${wardId}` });
  // 403, the same whether or not the ward exists, and audited like every denied read; app/forbidden.tsx says why.
  if (!canSeeWard(principal, wardId)) {
    await recordDeniedRead(principal, meta, { method: "GET", path: `/wards/${wardId}`, reason: "ward not assigned to the user" });
    forbidden();
  }
  // A ward the user is assigned to exists; an administrator may type any address.
  if (principal.role === "admin" && !(await wardExists(wardId))) notFound();
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/wards" what="the ward" />}>
      <WardContent principal={principal} meta={meta} wardId={wardId} />
    </Suspense>
  );
}

async function WardContent({ principal, meta, wardId }: { principal: Principal; meta: RequestMeta; wardId: string }) {
  const [ward, canBrief] = await Promise.all([loadWard(principal, meta, wardId), mayAskWardBrief({ principal, meta }, wardId)]);
  if (!ward) notFound();
  return (
    <>
      <AppNav principal={principal} current="/wards" alerts={ward.nav} />
      <DutyGapBanner wardId={wardId} />
      <WardDashboard snapshot={ward.snapshot} alerts={ward.alerts} cursor={ward.cursor} feed={ward.feed} canBrief={canBrief} />
    </>
  );
}
