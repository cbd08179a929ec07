// The nav's alert entry for clinicians (server part): the active alerts in the user's scope as light
// marks (no patient data leaves the server here), the wards (and, for admin and biomed, the equipment room) to follow live, then the client badge and
// the sound switch. A failure to load never breaks the page: the badge starts at 0 and resyncs.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { followsEquipmentAlerts } from "./equipment-room";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { toMark, type AlertMark } from "./active-alerts";
import { listVisibleWards } from "@/lib/patients/patient-queries";
import { AlertCountBadge } from "./alert-count-badge";
import { SoundToggle } from "./sound-toggle";

export async function NavAlerts({ principal, current }: { principal: Principal; current: boolean }) {
  const generatedAt = new Date().toISOString();
  let marks: AlertMark[] = [];
  let wardIds = principal.wardIds;
  try {
    const [alerts, wards] = await Promise.all([
      listAlerts(principal, { status: "active", limit: 1000 }),
      principal.role === "admin" ? listVisibleWards(principal) : Promise.resolve(null),
    ]);
    marks = alerts.map(toMark);
    if (wards) wardIds = wards.map((w) => w.id);
  } catch (err) {
    console.error("[nav] loading the alert count failed:", err instanceof Error ? err.message : err);
  }
  return (
    <span className="flex items-center gap-1">
      <AlertCountBadge initial={marks} generatedAt={generatedAt} wardIds={wardIds} equipment={followsEquipmentAlerts(principal.role)} current={current} />
      <SoundToggle compact />
    </span>
  );
}
