// The patient's paired devices with battery and when each last sent a reading (issue 15, onboarding: "the
// patient can see their paired devices and battery or last-seen status"). Patients only; audited.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PortalShell } from "@/components/portal/portal-shell";
import { Badge } from "@/components/ui/badge";
import { formatTimeAgo } from "@/components/ui/time";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadOwnPortal } from "@/lib/portal/load-portal";
import { formatLocalDateTime } from "@/lib/portal/format-local";

export const metadata: Metadata = { title: "Devices · Patient portal" };

export default async function PortalDevicesPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal/devices" });
  const view = await loadOwnPortal(principal, meta);
  if (!view) redirect("/no-access");
  const now = Date.parse(view.generatedAt);
  return (
    <PortalShell principal={principal} current="/portal/devices" title="My devices">
      {view.devices.length === 0 ? (
        <p className="mt-3 text-ink-muted">No device is paired to you yet. Your care team pairs them.</p>
      ) : (
        <ul className="mt-3 space-y-2" data-testid="portal-devices">
          {view.devices.map((d) => (
            <li key={d.id} className="rounded-lg border border-line bg-panel p-3" data-testid="portal-device">
              <p className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{d.label}</span>
                {d.connectivity === "offline" ? <Badge tone="inop">Not sending</Badge> : <Badge tone="muted">{d.connectivity}</Badge>}
              </p>
              <dl className="mt-1 grid grid-cols-2 gap-x-3 text-sm">
                <dt className="text-ink-muted">Battery</dt>
                <dd className={`tabular ${d.batteryLevel !== null && d.batteryLevel < 20 ? "text-alarm-medium" : ""}`}>
                  {d.batteryLevel === null ? "unknown" : `${Math.round(d.batteryLevel)} %`}
                </dd>
                <dt className="text-ink-muted">Last reading</dt>
                <dd>
                  {d.lastSeenAt
                    ? `${formatTimeAgo(d.lastSeenAt, now)} (${formatLocalDateTime(Date.parse(d.lastSeenAt), view.tzOffsetMinutes)})`
                    : "never"}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </PortalShell>
  );
}
