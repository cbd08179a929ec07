// A live alert screen's catch-up (server side): what changed after its cursor, in one statement. The
// feed's own alerts come in full and their patients' reads are audited (only those: the page load
// audited the rest); every changed alert in scope comes as a light mark for the nav count, unaudited
// (no patient data). A screen without alerts of its own ("nav") gets the marks only.
import "server-only";
import { recordPatientReads, type RequestMeta } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { snapshotAlerts, type AlertCursor, type AlertListFilter } from "@/lib/alerts/alert-queries";
import { toMark } from "./active-alerts";
import { feedListFilter, type AlertChanges, type AlertFeed } from "./alert-feed";

/** More changes than this in one catch-up: the screen reloads instead (`truncated`). */
export const CHANGES_LIMIT = 1000;

export async function loadAlertChanges(
  principal: Principal,
  meta: RequestMeta,
  input: { since: AlertCursor; feed: AlertFeed },
): Promise<AlertChanges> {
  const changed: AlertListFilter = { status: "all", changedSince: input.since, limit: CHANGES_LIMIT };
  const list = feedListFilter(input.feed);
  const { cursor, lists } = await snapshotAlerts(principal, list ? [changed, { ...changed, ...list }] : [changed]);
  const [all = [], alerts = []] = lists;
  const patientIds = [...new Set(alerts.flatMap((a) => (a.patientId ? [a.patientId] : [])))];
  if (patientIds.length)
    await recordPatientReads(principal, "alerts.read", patientIds, meta, { via: `${input.feed.view}.catch-up`, ...list });
  return { cursor, alerts, marks: all.map(toMark), truncated: all.length >= CHANGES_LIMIT };
}
