// The device page's data (admin, biomed; scoped like the registry): the registry row with identity, its
// assignment history, connectivity over the last 24 h, firmware and OTA history, its own telemetry trends
// and its equipment alerts. Biomed never sees who a patient is; an admin's view of patient names (current
// assignment and history) is audited as one "device.view" row.
import "server-only";
import type { Principal, Role } from "@/lib/auth/principal";
import { recordPatientReads, type RequestMeta } from "@/lib/audit/record-audit";
import { prepareConnectivityTimeline } from "@/lib/charts/prepare-connectivity";
import { equipmentMetricsOf, prepareDeviceTrends } from "@/lib/charts/prepare-device-trends";
import { DEVICE_TYPES, inactivityTimeoutMs, isDeviceType } from "@/lib/domain/device-types";
import { Refusal } from "@/lib/errors/refusal";
import { listAssignmentHistory } from "./assignment-history";
import { getRegistryDevice, patientIdsOf } from "./device-queries";
import { loadDeviceAlerts, loadEquipmentBuckets, loadFirmwareHistory, loadFrameBuckets } from "./device-detail-queries";

export const DEVICE_PAGE_ROLES = ["admin", "biomed"] as const satisfies readonly Role[];

const HOUR = 3_600_000;
export const DETAIL_WINDOW_MS = 24 * HOUR;
const TREND_BUCKET_MS = 5 * 60_000;
const FRAME_BUCKET_MS = 60_000;
const ALERT_LOOKBACK_MS = 30 * 24 * HOUR;

export async function loadDeviceDetail(principal: Principal, meta: RequestMeta, deviceId: string, now = Date.now()) {
  if (!(DEVICE_PAGE_ROLES as readonly Role[]).includes(principal.role)) {
    throw new Refusal("forbidden", `role "${principal.role}" may not open device pages (biomedical engineering and admins may)`);
  }
  const viewer = { showPatients: principal.role === "admin" };
  const device = await getRegistryDevice(deviceId, viewer);
  if (!device) throw new Refusal("not_found", `no device with id "${deviceId}"`, { field: "device" });

  const window = { from: new Date(now - DETAIL_WINDOW_MS), to: new Date(now) };
  const codes = equipmentMetricsOf(isDeviceType(device.type) ? DEVICE_TYPES[device.type].metrics : []);
  const [history, buckets, frames, alerts, firmwareUpdates] = await Promise.all([
    listAssignmentHistory(device.id, viewer),
    loadEquipmentBuckets(device.id, codes, window, TREND_BUCKET_MS),
    loadFrameBuckets(device.id, window, FRAME_BUCKET_MS),
    loadDeviceAlerts(device.id, new Date(now - ALERT_LOOKBACK_MS)),
    loadFirmwareHistory(device.id),
  ]);
  const w = { from: window.from.getTime(), to: now };
  const trends = prepareDeviceTrends(buckets, codes, { ...w, bucketMs: TREND_BUCKET_MS });
  const connectivity = prepareConnectivityTimeline(frames, {
    ...w,
    bucketMs: FRAME_BUCKET_MS,
    timeoutMs: inactivityTimeoutMs(device.type),
  });

  const patientIds = [...new Set([...patientIdsOf([device]), ...history.patientIds])];
  await recordPatientReads(principal, "device.view", patientIds, meta, { deviceId: device.id, view: "detail" });
  return { device, history: history.entries, trends, connectivity, window: w, alerts, firmwareUpdates };
}

export type DeviceDetail = Awaited<ReturnType<typeof loadDeviceDetail>>;
