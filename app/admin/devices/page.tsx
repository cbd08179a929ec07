// The device registry for admins and biomed: every device with where it is used, status,
// connectivity, last seen, firmware, battery and service due; provision, rotate, assign and revoke. Sorted
// and paged on the server (sort, dir, page, size in the URL); each device links to its page. Biomed sees
// beds and wards, never patient identity; an admin's view of patient names is audited.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { DeviceSectionTabs } from "@/components/devices/device-section-tabs";
import { StatLink } from "@/components/ui/stat";
import { recordPatientReads } from "@/lib/audit/record-audit";
import {
  listAssignableTargets,
  listRegistryDevices,
  patientIdsOf,
  registryFiltersSchema,
  type RegistryDevice,
} from "@/lib/devices/device-queries";
import { DEVICE_TYPES, DEVICE_TYPE_KEYS } from "@/lib/domain/device-types";
import { needsPatch } from "@/lib/firmware/firmware-status";
import { pageDevices, registryPagingSchema } from "@/lib/devices/registry-paging";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { DeviceFilters } from "./device-filters";
import { DeviceTable } from "./device-table";
import { DeviceTypesHelp } from "./device-types-help";
import { ProvisionPanel } from "./provision-panel";
import { RegistryPager } from "./registry-pager";

export const metadata: Metadata = { title: "Devices · IoMT Ward" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Unknown or malformed filters are dropped rather than failing the page. */
function parseFilters(raw: Record<string, string | string[] | undefined>) {
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(registryFiltersSchema.shape)) {
    const r = schema.safeParse(first[key]);
    if (r.success && r.data) out[key] = r.data;
  }
  return registryFiltersSchema.parse(out);
}

function summaryOf(devices: RegistryDevice[]) {
  const active = devices.filter((d) => d.status === "active");
  return {
    active: active.length,
    online: active.filter((d) => d.connectivity === "online").length,
    offline: active.filter((d) => d.connectivity === "offline").length,
    unknown: active.filter((d) => d.connectivity === "unknown").length,
    patch: active.filter((d) => needsPatch(d.firmware.status)).length,
    alarms: active.filter((d) => d.openAlarms.length > 0).length,
  };
}

const requestTime = () => Date.now();

export default async function DevicesPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin", "biomed"], returnTo: "/admin/devices" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/admin/devices" what="the devices" />}>
      <DevicesPageContent principal={principal} meta={meta} searchParams={searchParams} />
    </Suspense>
  );
}

async function DevicesPageContent({
  principal,
  meta,
  searchParams,
}: {
  principal: Principal;
  meta: RequestMeta;
  searchParams: SearchParams;
}) {
  const raw = await searchParams;
  const filters = parseFilters(raw);
  const paging = registryPagingSchema.parse(raw);
  const viewer = { showPatients: principal.role === "admin" };
  const [devices, targets] = await Promise.all([listRegistryDevices(filters, viewer), listAssignableTargets(viewer)]);
  const page = pageDevices(devices, paging);
  // Only the page's rows are shown: only their patients are read.
  const patientIds = patientIdsOf(page.rows);
  if (patientIds.length) await recordPatientReads(principal, "device.list", patientIds, meta, { view: "registry", page: page.page });
  const filterQuery = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
  const types = DEVICE_TYPE_KEYS.map((k) => ({ key: k, label: DEVICE_TYPES[k].label }));
  const s = summaryOf(devices);
  const stat = (label: string, n: number, href: string, tone = "") => <StatLink label={label} value={n} href={href} tone={tone} />;

  return (
    <>
      <AppNav principal={principal} current="/admin/devices" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <h1 className="text-2xl font-semibold">Devices</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Every device with its own identity and secret. Offline and unknown connectivity and low battery are technical (INOP) conditions.
          {principal.role === "biomed" && " Patient identity is not shown to biomedical engineering."}
        </p>
        <DeviceSectionTabs current="/admin/devices" />
        <div className="mt-4 flex flex-wrap gap-3" aria-label="Summary of the listed devices">
          {stat("active", s.active, "/admin/devices?status=active")}
          {stat("online", s.online, "/admin/devices?connectivity=online", "text-ok")}
          {stat("offline", s.offline, "/admin/devices?connectivity=offline", s.offline ? "text-alarm-low" : "")}
          {stat("connectivity unknown", s.unknown, "/admin/devices?connectivity=unknown", s.unknown ? "text-alarm-low" : "")}
          {stat("need a firmware patch", s.patch, "/admin/devices?firmware=attention", s.patch ? "text-alarm-medium" : "")}
          {stat("with an open equipment alarm", s.alarms, "/alerts", s.alarms ? "text-alarm-medium" : "")}
        </div>
        <div className="mt-6">
          <ProvisionPanel types={types} options={targets} />
        </div>
        <DeviceFilters values={filters} types={types} wards={targets.wards} />
        <DeviceTable devices={page.rows} options={targets} now={requestTime()} filters={filterQuery} paging={paging} />
        <RegistryPager page={page} filters={filterQuery} paging={{ ...paging, page: page.page }} />
        <DeviceTypesHelp />
      </main>
    </>
  );
}
