// The ward central station: checks access, loads the starting snapshot and the ward's open alerts (with
// the nav count's, in one query), audits the read, then hands over to the live client dashboard.
// router.refresh() from the dashboard re-runs this for a resync.
import { forbidden, notFound } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { DutyGapBanner } from "@/components/duty/duty-gap-banner";
import { canSeeWard, CLINICAL_ROLES } from "@/lib/auth/principal";
import { recordDeniedRead } from "@/lib/audit/record-denied";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { mayAskWardBrief } from "@/lib/ai/service";
import { loadWard } from "./load-ward";
import { WardDashboard } from "./ward-dashboard";

export default async function WardPage({ params }: { params: Promise<{ wardId: string }> }) {
  const { wardId } = await params;
  const { principal, meta } = await requirePagePrincipal({ roles: CLINICAL_ROLES, returnTo: `/wards/${wardId}` });
  // 403, the same whether or not the ward exists, and audited like every denied read; app/forbidden.tsx says why.
  if (!canSeeWard(principal, wardId)) {
    await recordDeniedRead(principal, meta, { method: "GET", path: `/wards/${wardId}`, reason: "ward not assigned to the user" });
    forbidden();
  }
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
