// One device for biomedical engineering and admins (scoped like the registry): identity (model, serial,
// UDI; editable), where it is used and was used, connectivity over the last 24 h, firmware and OTA
// updates, its own telemetry trends (vibration, temperature, battery… never patient vitals) and its
// equipment alerts. Data from lib/devices/device-detail (an admin's view of patient names is audited).
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { DeviceTrendChart } from "@/components/charts/device-trend-chart";
import { AssignmentText, Battery, ConnectivityBadge, FirmwareBadge, UpdateState } from "@/components/devices/device-badges";
import { formatTimeAgo, formatUtc } from "@/components/ui/time";
import { DEVICE_PAGE_ROLES, loadDeviceDetail } from "@/lib/devices/device-detail";
import { Refusal } from "@/lib/errors/refusal";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { ConnectivityBar } from "./connectivity-bar";
import { AssignmentHistoryTable, DeviceAlertsTable, FirmwareUpdatesTable } from "./device-sections";
import { listHomeWardOptions } from "@/lib/devices/device-home-options";
import { HomeWardPanel } from "./home-ward-panel";
import { IdentityPanel } from "./identity-panel";

export const metadata: Metadata = { title: "Device · IoMT Ward" };
export const dynamic = "force-dynamic";

type Params = Promise<{ deviceId: string }>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

async function load(...args: Parameters<typeof loadDeviceDetail>) {
  try {
    return await loadDeviceDetail(...args);
  } catch (err) {
    if (err instanceof Refusal && err.kind === "not_found") notFound();
    throw err;
  }
}

export default async function DevicePage({ params }: { params: Params }) {
  const { deviceId } = await params;
  const id = decodeURIComponent(deviceId);
  const { principal, meta } = await requirePagePrincipal({ roles: DEVICE_PAGE_ROLES, returnTo: `/devices/${encodeURIComponent(id)}` });
  const [{ device: d, history, trends, connectivity, window, alerts, firmwareUpdates }, homeOptions] = await Promise.all([
    load(principal, meta, id),
    listHomeWardOptions(),
  ]);
  const now = window.to;
  const revoked = d.status === "revoked";

  return (
    <>
      <AppNav principal={principal} current="/admin/devices" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/admin/devices" className="text-accent hover:underline">
            ← Devices
          </Link>
        </nav>
        <h1 className="mt-2 text-2xl font-semibold">
          <span className="font-mono">{d.id}</span>
          <span className="ml-3 text-base font-normal text-ink-muted">
            {d.typeLabel}
            {d.simulated && " · simulated"}
            {revoked && " · revoked"}
          </span>
        </h1>
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          <section aria-labelledby="identity-heading" className="rounded-lg border border-line bg-panel p-4">
            <h2 id="identity-heading" className="mb-3 font-semibold">
              Identity
            </h2>
            <IdentityPanel deviceId={d.id} identity={{ model: d.model, serialNumber: d.serialNumber, udi: d.udi }} editable={!revoked} />
          </section>
          {d.assignment.kind !== "patient" && d.assignment.kind !== "bed" && (
            <section aria-labelledby="home-heading" className="rounded-lg border border-line bg-panel p-4">
              <h2 id="home-heading" className="mb-3 font-semibold">
                Home ward
              </h2>
              <HomeWardPanel deviceId={d.id} wardId={d.homeWardId} roomId={d.homeRoomId} options={homeOptions} editable={!revoked} />
            </section>
          )}
          <section aria-labelledby="now-heading" className="rounded-lg border border-line bg-panel p-4 text-sm">
            <h2 id="now-heading" className="mb-3 font-semibold">
              Now
            </h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
              <dt className="text-ink-muted">Assigned to</dt>
              <dd>
                <AssignmentText assignment={d.assignment} />
              </dd>
              <dt className="text-ink-muted">Connectivity</dt>
              <dd>{revoked ? "—" : <ConnectivityBadge connectivity={d.connectivity} />}</dd>
              <dt className="text-ink-muted">Last seen</dt>
              <dd className="tabular" title={d.lastSeenAt ? formatUtc(d.lastSeenAt, { zone: true }) : undefined}>
                {d.lastSeenAt ? formatTimeAgo(d.lastSeenAt, now) : "never"}
              </dd>
              <dt className="text-ink-muted">Battery</dt>
              <dd>
                <Battery level={d.batteryLevel} />
              </dd>
              <dt className="text-ink-muted">Service due</dt>
              <dd>{d.serviceDueAt ? formatUtc(d.serviceDueAt, { zone: true }) : "—"}</dd>
            </dl>
          </section>
          <section aria-labelledby="firmware-heading" className="rounded-lg border border-line bg-panel p-4 text-sm">
            <h2 id="firmware-heading" className="mb-3 font-semibold">
              Firmware
            </h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
              <dt className="text-ink-muted">Installed</dt>
              <dd className="flex items-center gap-2">
                <span className="font-mono" data-testid="firmware-version">
                  {d.firmwareVersion ?? "—"}
                </span>
                {!revoked && <FirmwareBadge status={d.firmware.status} title={d.firmware.flagReason ?? undefined} />}
              </dd>
              <dt className="text-ink-muted">Newest for type</dt>
              <dd className="font-mono">{d.firmware.latest ?? "no package uploaded"}</dd>
              <dt className="text-ink-muted">OTA</dt>
              <dd>
                {d.update ? (
                  <>
                    {d.update.version} <UpdateState state={d.update.state} detail={d.update.detail} />
                  </>
                ) : (
                  "no update sent"
                )}
              </dd>
            </dl>
          </section>
        </div>

        <Section
          id="connectivity-heading"
          title={`Connectivity, last 24 h · ${connectivity.onlinePct}% online · ${connectivity.offlinePeriods} offline periods`}
        >
          <div className="mt-2">
            <ConnectivityBar segments={connectivity.segments} from={window.from} />
          </div>
        </Section>

        <Section id="trends-heading" title="Telemetry, last 24 h (UTC)">
          {trends.length ? (
            <div className="mt-2 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {trends.map((t) => (
                <DeviceTrendChart key={t.code} trend={t} from={window.from} to={window.to} />
              ))}
            </div>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">This type of device sends no readings about itself.</p>
          )}
        </Section>

        <Section id="alerts-heading" title="Equipment alerts, last 30 days">
          <DeviceAlertsTable alerts={alerts} />
        </Section>

        <Section id="history-heading" title="Assignment history">
          <AssignmentHistoryTable entries={history} />
        </Section>

        <Section id="ota-heading" title="Firmware updates">
          <FirmwareUpdatesTable updates={firmwareUpdates} />
        </Section>
      </main>
    </>
  );
}
