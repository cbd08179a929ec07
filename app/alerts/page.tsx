// The alert queue (clinicians). Checks the role, reads the filters from the URL, loads the alerts in
// the caller's scope once (the list and the nav count together, audited) and hands over to the live
// client queue, which then asks only for what changed after this snapshot. The role is checked before
// anything is sent (403); the queue streams in after the first bytes.
import type { Metadata } from "next";
import { Suspense } from "react";
import { AppNav } from "@/components/app-nav";
import { PageLoading } from "@/components/page-loading";
import { followsEquipmentAlerts } from "@/components/alerts/equipment-room";
import { parseQueueFilter } from "@/components/alerts/queue-filter";
import { ALERT_ROLES, type Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { listVisibleWards } from "@/lib/patients/patient-queries";
import { AlertQueue } from "./alert-queue";
import { loadQueue } from "./load-queue";

export const metadata: Metadata = { title: "Alerts · IoMT Ward" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: ALERT_ROLES, returnTo: "/alerts" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/alerts" what="the alert queue" />}>
      <AlertsContent principal={principal} meta={meta} searchParams={searchParams} />
    </Suspense>
  );
}

async function AlertsContent({ principal, meta, searchParams }: { principal: Principal; meta: RequestMeta; searchParams: SearchParams }) {
  const wards = (await listVisibleWards(principal)).map((w) => ({ id: w.id, code: w.code, name: w.name }));
  const wardIds = wards.map((w) => w.id);
  const filter = parseQueueFilter(await searchParams, wardIds);
  const queue = await loadQueue(principal, meta, filter, wardIds);
  return (
    <>
      <AppNav principal={principal} current="/alerts" alerts={queue.nav} />
      <AlertQueue
        alerts={queue.alerts}
        cursor={queue.cursor}
        feed={queue.feed}
        filter={filter}
        wards={wards}
        equipment={followsEquipmentAlerts(principal.role)}
        truncated={queue.truncated}
      />
    </>
  );
}
