// The ward central station: checks access, loads the starting snapshot and the ward's open alerts (with
// the nav count's, in one query), audits the read, then hands over to the live client dashboard.
// router.refresh() from the dashboard re-runs this for a resync.
import { notFound } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { DutyGapBanner } from "@/components/duty/duty-gap-banner";
import { canSeeWard, CLINICAL_ROLES } from "@/lib/auth/principal";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadWard } from "./load-ward";
import { WardDashboard } from "./ward-dashboard";

export default async function WardPage({ params }: { params: Promise<{ wardId: string }> }) {
  const { wardId } = await params;
  const { principal, meta } = await requirePagePrincipal({ roles: CLINICAL_ROLES, returnTo: `/wards/${wardId}` });
  if (!canSeeWard(principal, wardId)) {
    // Same answer whether or not the ward exists.
    return (
      <>
        <AppNav principal={principal} current="/wards" />
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-2xl font-semibold">No access to this ward</h1>
          <p className="mt-4 text-ink-muted">You are not assigned to this ward. Ask an administrator if you need access.</p>
        </main>
      </>
    );
  }
  const ward = await loadWard(principal, meta, wardId);
  if (!ward) notFound();
  return (
    <>
      <AppNav principal={principal} current="/wards" alerts={ward.nav} />
      <DutyGapBanner wardId={wardId} />
      <WardDashboard snapshot={ward.snapshot} alerts={ward.alerts} cursor={ward.cursor} feed={ward.feed} />
    </>
  );
}
