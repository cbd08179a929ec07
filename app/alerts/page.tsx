// The alert queue (clinicians). Checks the role, reads the filters from the URL, lists the alerts in the
// caller's scope, audits the read, and hands over to the live client queue (which catches up with the
// same query after joining its rooms and after every reconnect).
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { parseQueueFilter, QUEUE_LIMIT } from "@/components/alerts/queue-filter";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { listVisibleWards } from "@/lib/patients/patient-queries";
import { followsEquipmentAlerts } from "@/components/alerts/equipment-room";
import { AlertQueue } from "./alert-queue";

export const metadata: Metadata = { title: "Alerts · IoMT Ward" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: ALERT_ROLES, returnTo: "/alerts" });
  const wards = (await listVisibleWards(principal)).map((w) => ({ id: w.id, code: w.code, name: w.name }));
  const filter = parseQueueFilter(await searchParams, wards.map((w) => w.id));
  // Taken before the query: an alert raised later is live-only and survives the merge on the client.
  const generatedAt = new Date().toISOString();
  const alerts = await listAlerts(principal, { wardId: filter.wardId ?? undefined, priority: filter.priority ?? undefined, status: filter.state, limit: QUEUE_LIMIT });
  const patientIds = [...new Set(alerts.flatMap((a) => (a.patientId ? [a.patientId] : [])))];
  await recordPatientReads(principal, "alerts.read", patientIds, meta, { via: "queue", ...filter });
  return (
    <>
      <AppNav principal={principal} current="/alerts" />
      <AlertQueue alerts={alerts} generatedAt={generatedAt} filter={filter} wards={wards} equipment={followsEquipmentAlerts(principal.role)} truncated={alerts.length >= QUEUE_LIMIT} />
    </>
  );
}
