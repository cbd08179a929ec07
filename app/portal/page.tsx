// The patient portal's overview (issue 15): the patient's own open alerts with what to do (live, with
// Acknowledge), and a card per program they have data for (current glucose, home BP average, asthma control)
// linking to its page. Patients only; the read is audited (lib/portal/load-portal).
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PortalShell } from "@/components/portal/portal-shell";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadOwnPortal } from "@/lib/portal/load-portal";
import { PortalOverview } from "./portal-overview";

export const metadata: Metadata = { title: "My health · Patient portal" };

export default async function PortalPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/portal" what="your health at home" />}>
      <PortalPageContent principal={principal} meta={meta} />
    </Suspense>
  );
}

async function PortalPageContent({ principal, meta }: { principal: Principal; meta: RequestMeta }) {
  const view = await loadOwnPortal(principal, meta);
  if (!view) redirect("/no-access");
  return (
    <PortalShell principal={principal} current="/portal" title="My health at home">
      <PortalOverview view={view} />
    </PortalShell>
  );
}
