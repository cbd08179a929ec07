// The nav's alert entry for clinicians (server part): the active alerts in the user's scope as light
// marks (no patient data leaves the server here), the wards (and, for admin and biomed, the equipment
// room) to follow live, then the client badge and the sound switch. A page that lists alerts itself
// hands its data over (`shared`: one query per page load); otherwise the nav asks on its own, unaudited.
// A failure to load never breaks the page: the badge starts at 0 and resyncs.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { snapshotAlerts } from "@/lib/alerts/alert-queries";
import { listVisibleWards } from "@/lib/patients/patient-queries";
import { NAV_ALERT_LIMIT, toMark } from "./active-alerts";
import { AlertCountBadge } from "./alert-count-badge";
import type { NavAlertsData } from "./alert-feed";
import { followsEquipmentAlerts } from "./equipment-room";
import { SoundToggle } from "./sound-toggle";

/** The nav's own data, for pages without alerts of their own. */
export async function loadNavAlerts(principal: Principal): Promise<NavAlertsData> {
  const { cursor, lists } = await snapshotAlerts(principal, [{ status: "active", limit: NAV_ALERT_LIMIT }]);
  return { marks: (lists[0] ?? []).map(toMark), cursor, feed: { view: "nav" } };
}

async function navWardIds(principal: Principal, shared: NavAlertsData | undefined): Promise<string[]> {
  if (shared?.wardIds) return shared.wardIds;
  if (principal.role !== "admin") return principal.wardIds;
  return (await listVisibleWards(principal)).map((w) => w.id);
}

export async function NavAlerts({ principal, current, shared }: { principal: Principal; current: boolean; shared?: NavAlertsData }) {
  // Cursor 0 when the count could not be loaded: the first catch-up then has too much to say and the
  // badge falls back to its full (light) check.
  let data: NavAlertsData = shared ?? {
    marks: [],
    cursor: { at: new Date().toISOString(), eventId: "0", pending: [] },
    feed: { view: "nav" },
  };
  let wardIds = principal.wardIds;
  try {
    const [own, wards] = await Promise.all([shared ? null : loadNavAlerts(principal), navWardIds(principal, shared)]);
    if (own) data = own;
    wardIds = wards;
  } catch (err) {
    console.error("[nav] loading the alert count failed:", err instanceof Error ? err.message : err);
  }
  return (
    <span className="flex items-center gap-1">
      <AlertCountBadge
        initial={data.marks}
        cursor={data.cursor}
        feed={data.feed}
        wardIds={wardIds}
        equipment={followsEquipmentAlerts(principal.role)}
        current={current}
      />
      <SoundToggle />
    </span>
  );
}
