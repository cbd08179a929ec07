// The alert queue's data for one page load: the filtered list and the nav count's active alerts in one
// statement (snapshotAlerts), the cursor the live queue catches up from, and one audit row per patient
// whose alerts are listed.
import "server-only";
import { NAV_ALERT_LIMIT, toMark } from "@/components/alerts/active-alerts";
import type { AlertFeed, NavAlertsData } from "@/components/alerts/alert-feed";
import { QUEUE_LIMIT, type QueueFilter } from "@/components/alerts/queue-filter";
import { recordPatientReads, type RequestMeta } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { snapshotAlerts, type AlertCursor } from "@/lib/alerts/alert-queries";
import type { AlertView } from "@/lib/events";

export type QueueData = { alerts: AlertView[]; cursor: AlertCursor; feed: AlertFeed; truncated: boolean; nav: NavAlertsData };

export async function loadQueue(principal: Principal, meta: RequestMeta, filter: QueueFilter, wardIds: string[]): Promise<QueueData> {
  const { cursor, lists } = await snapshotAlerts(principal, [
    { wardId: filter.wardId ?? undefined, priority: filter.priority ?? undefined, status: filter.state, limit: QUEUE_LIMIT },
    { status: "active", limit: NAV_ALERT_LIMIT },
  ]);
  const [alerts = [], active = []] = lists;
  const patientIds = [...new Set(alerts.flatMap((a) => (a.patientId ? [a.patientId] : [])))];
  await recordPatientReads(principal, "alerts.read", patientIds, meta, { via: "queue", ...filter });
  const feed: AlertFeed = { view: "queue", wardId: filter.wardId, priority: filter.priority };
  return { alerts, cursor, feed, truncated: alerts.length >= QUEUE_LIMIT, nav: { marks: active.map(toMark), cursor, feed, wardIds } };
}
