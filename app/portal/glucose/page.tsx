// The patient's glucose: the current reading, time in range today or over 14 days with the consensus
// targets, and the 14-day ambulatory glucose profile (AGP). Patients only; audited.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PortalShell } from "@/components/portal/portal-shell";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadOwnPortal } from "@/lib/portal/load-portal";
import { GlucosePanel } from "./glucose-panel";

export const metadata: Metadata = { title: "Glucose · Patient portal" };

export default async function PortalGlucosePage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal/glucose" });
  const view = await loadOwnPortal(principal, meta);
  if (!view) redirect("/no-access");
  return (
    <PortalShell principal={principal} current="/portal/glucose" title="Glucose">
      {view.glucose ? (
        <GlucosePanel glucose={view.glucose} tzOffsetMinutes={view.tzOffsetMinutes} />
      ) : (
        <p className="mt-3 text-ink-muted">No glucose readings: you have no CGM paired.</p>
      )}
    </PortalShell>
  );
}
