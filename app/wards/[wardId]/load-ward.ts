// The ward central station's data for one page load: the ward snapshot (beds, latest vitals), and in
// one statement the ward's open alerts and the nav count's active alerts, with the cursor the live grid
// catches up from; one audit row naming the patients on the ward. Null when the ward does not exist.
import "server-only";
import { NAV_ALERT_LIMIT, toMark } from "@/components/alerts/active-alerts";
import type { AlertFeed, NavAlertsData } from "@/components/alerts/alert-feed";
import { recordPatientReads, type RequestMeta } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { snapshotAlerts, type AlertCursor } from "@/lib/alerts/alert-queries";
import type { AlertView } from "@/lib/events";
import { getDatabase } from "@/lib/db/database";
import { loadWardSnapshot } from "@/lib/store/ward-snapshot";
import type { WardSnapshot } from "@/lib/store/ward-types";

export type WardData = { snapshot: WardSnapshot; alerts: AlertView[]; cursor: AlertCursor; feed: AlertFeed; nav: NavAlertsData };

export async function loadWard(principal: Principal, meta: RequestMeta, wardId: string): Promise<WardData | null> {
  const [snapshot, { cursor, lists }] = await Promise.all([
    loadWardSnapshot(wardId),
    snapshotAlerts(principal, [
      { wardId, status: "open", limit: 1000 },
      { status: "active", limit: NAV_ALERT_LIMIT },
    ]),
  ]);
  if (!snapshot) return null;
  const [alerts = [], active = []] = lists;
  const patientIds = snapshot.beds.flatMap((b) => (b.patient ? [b.patient.id] : []));
  await recordPatientReads(principal, "ward.view", patientIds, meta, { wardId });
  const feed: AlertFeed = { view: "ward", wardId };
  return { snapshot, alerts, cursor, feed, nav: { marks: active.map(toMark), cursor, feed } };
}

/** One indexed lookup: whether `wardId` names a ward (checked before the page starts streaming). */
export async function wardExists(wardId: string): Promise<boolean> {
  const { prisma } = await getDatabase();
  return (await prisma.ward.findUnique({ where: { id: wardId }, select: { id: true } })) !== null;
}
