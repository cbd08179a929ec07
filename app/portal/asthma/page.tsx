// The patient's asthma: controller inhaler adherence against 80 %, rescue inhaler use this week and the week
// before, and how rescue days line up with high pollen and poor air days. Patients only; audited.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PortalShell } from "@/components/portal/portal-shell";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadOwnPortal } from "@/lib/portal/load-portal";
import { AsthmaPanel } from "./asthma-panel";

export const metadata: Metadata = { title: "Asthma · Patient portal" };

export default async function PortalAsthmaPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal/asthma" });
  const view = await loadOwnPortal(principal, meta);
  if (!view) redirect("/no-access");
  return (
    <PortalShell principal={principal} current="/portal/asthma" title="Asthma">
      {view.asthma ? (
        <AsthmaPanel asthma={view.asthma} />
      ) : (
        <p className="mt-3 text-ink-muted">No inhaler data: you have no smart inhaler paired.</p>
      )}
    </PortalShell>
  );
}
