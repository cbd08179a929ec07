// Firmware for admins and biomed: the patch status (which devices run outdated or flagged firmware,
// per type), uploading signed packages, assigning them to devices (OTA over MQTT), flagging faulty
// ones, and the rollout log with the states devices report.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { assignmentLabel } from "@/components/devices/device-badges";
import { DeviceSectionTabs } from "@/components/devices/device-section-tabs";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listRegistryDevices, patientIdsOf } from "@/lib/devices/device-queries";
import { DEVICE_TYPES, DEVICE_TYPE_KEYS } from "@/lib/domain/device-types";
import { env } from "@/lib/env";
import { loadFirmwareCatalog } from "@/lib/firmware/firmware-catalog";
import { listPackages, listRecentUpdates } from "@/lib/firmware/package-queries";
import { summarizePatchStatus } from "@/lib/devices/patch-status";
import { describeTrustedKeys } from "@/lib/firmware/trusted-keys";
import { MAX_PACKAGE_BYTES } from "@/lib/firmware/upload-package";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import type { AssignableDevice } from "./package-actions";
import { PackageTable } from "./package-table";
import { PatchStatusView } from "./patch-status-view";
import { RecentUpdates } from "./recent-updates";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Firmware · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function FirmwarePage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin", "biomed"], returnTo: "/admin/firmware" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/admin/firmware" what="firmware" />}>
      <FirmwarePageContent principal={principal} meta={meta} />
    </Suspense>
  );
}

async function FirmwarePageContent({ principal, meta }: { principal: Principal; meta: RequestMeta }) {
  const viewer = { showPatients: principal.role === "admin" };
  const [devices, catalog, packages, updates] = await Promise.all([
    listRegistryDevices({ status: "active" }, viewer),
    loadFirmwareCatalog(),
    listPackages(),
    listRecentUpdates(25),
  ]);
  const status = summarizePatchStatus(devices, catalog);
  const patientIds = patientIdsOf(status.flatMap((t) => t.needsPatch));
  if (patientIds.length) await recordPatientReads(principal, "device.list", patientIds, meta, { view: "patch-status" });
  const devicesByType: Record<string, AssignableDevice[]> = {};
  for (const d of devices)
    (devicesByType[d.type] ??= []).push({
      id: d.id,
      version: d.firmwareVersion,
      status: d.firmware.status,
      where: assignmentLabel(d.assignment),
    });
  const latestIds = new Set([...catalog.values()].flatMap((e) => (e.latest ? [e.latest.packageId] : [])));
  const keys = describeTrustedKeys();
  const types = DEVICE_TYPE_KEYS.map((k) => ({ key: k, label: DEVICE_TYPES[k].label }));

  return (
    <>
      <AppNav principal={principal} current="/admin/firmware" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <h1 className="text-2xl font-semibold">Firmware</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Signed packages per device type, delivered over MQTT (<code className="font-mono">devices/&#123;id&#125;/ota</code>). A device is
          outdated when it does not run the newest unflagged version of its type.
        </p>
        <DeviceSectionTabs current="/admin/firmware" />

        <section aria-labelledby="patch-heading" className="mt-6">
          <h2 id="patch-heading" className="text-lg font-semibold">
            Patch status
          </h2>
          <PatchStatusView types={status} />
        </section>

        <section aria-labelledby="packages-heading" className="mt-8">
          <h2 id="packages-heading" className="text-lg font-semibold">
            Packages
          </h2>
          <PackageTable packages={packages} devicesByType={devicesByType} latestIds={latestIds} />
        </section>

        <section aria-labelledby="upload-heading" className="mt-8 rounded-lg border border-line bg-panel p-4">
          <h2 id="upload-heading" className="text-lg font-semibold">
            Upload a package
          </h2>
          <p className="mt-1 mb-3 text-sm text-ink-muted">
            The Ed25519 signature of the raw file bytes must verify against a trusted key; unsigned or tampered packages are refused.{" "}
            {keys.error ? (
              <span className="text-alarm-high">Trusted keys are misconfigured: {keys.error}</span>
            ) : keys.keys.length ? (
              <>Trusted keys: {keys.keys.map((k) => `${k.source} (${k.id})`).join(", ")}.</>
            ) : (
              <span className="text-alarm-medium">
                No trusted keys are configured (FIRMWARE_TRUSTED_KEYS): every upload will be refused.
              </span>
            )}
          </p>
          <UploadForm types={types} demo={env().demo} maxBytes={MAX_PACKAGE_BYTES} />
        </section>

        <section aria-labelledby="updates-heading" className="mt-8">
          <h2 id="updates-heading" className="text-lg font-semibold">
            Recent updates
          </h2>
          <RecentUpdates updates={updates} />
        </section>
      </main>
    </>
  );
}
