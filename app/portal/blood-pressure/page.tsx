// The patient's home blood pressure: the 7-day average against 135/85, the week before, readings today or over
// 14 days with very high (crisis) readings marked, and daily averages. Patients only; audited.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PortalShell } from "@/components/portal/portal-shell";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadOwnPortal } from "@/lib/portal/load-portal";
import { BpPanel } from "./bp-panel";

export const metadata: Metadata = { title: "Blood pressure · Patient portal" };

export default async function PortalBpPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal/blood-pressure" });
  const view = await loadOwnPortal(principal, meta);
  if (!view) redirect("/no-access");
  return (
    <PortalShell principal={principal} current="/portal/blood-pressure" title="Blood pressure">
      {view.bp ? (
        <BpPanel bp={view.bp} tzOffsetMinutes={view.tzOffsetMinutes} />
      ) : (
        <p className="mt-3 text-ink-muted">No home blood pressure readings: you have no BP cuff paired.</p>
      )}
    </PortalShell>
  );
}
