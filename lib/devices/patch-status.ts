// The patch-status view: per device type, the newest unflagged version, the flagged versions, how
// many active devices are current, outdated, flagged or of unknown version, and which ones need a patch.
import "server-only";
import { DEVICE_TYPES, DEVICE_TYPE_KEYS, isDeviceType } from "@/lib/domain/device-types";
import { loadFirmwareCatalog, type FirmwareCatalog } from "@/lib/firmware/firmware-catalog";
import { FIRMWARE_STATUSES, needsPatch, type FirmwareStatus } from "@/lib/firmware/firmware-status";
import { listRegistryDevices, type RegistryDevice, type RegistryViewer } from "./device-queries";

export type PatchStatusType = {
  deviceType: string;
  label: string;
  latest: { version: string; packageId: string } | null;
  flaggedVersions: { version: string; reason: string }[];
  counts: Record<FirmwareStatus, number> & { total: number };
  /** Active devices that run outdated or flagged firmware, or never reported a version. */
  needsPatch: RegistryDevice[];
};

export async function patchStatus(viewer: RegistryViewer): Promise<PatchStatusType[]> {
  const [devices, catalog] = await Promise.all([listRegistryDevices({ status: "active" }, viewer), loadFirmwareCatalog()]);
  return summarizePatchStatus(devices, catalog);
}

/** Groups already-loaded active registry rows by type (for pages that also need the rows). */
export function summarizePatchStatus(devices: RegistryDevice[], catalog: FirmwareCatalog): PatchStatusType[] {
  const types = new Set<string>([...devices.map((d) => d.type), ...catalog.keys()]);
  const order = (t: string) => (isDeviceType(t) ? DEVICE_TYPE_KEYS.indexOf(t) : DEVICE_TYPE_KEYS.length);
  return [...types]
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((type) => {
      const ofType = devices.filter((d) => d.type === type);
      const entry = catalog.get(type);
      const counts = Object.fromEntries(FIRMWARE_STATUSES.map((s) => [s, 0])) as Record<FirmwareStatus, number>;
      for (const d of ofType) counts[d.firmware.status]++;
      const rank: Record<FirmwareStatus, number> = { flagged: 0, outdated: 1, unknown: 2, untracked: 3, current: 4 };
      return {
        deviceType: type,
        label: isDeviceType(type) ? DEVICE_TYPES[type].label : type,
        latest: entry?.latest ?? null,
        flaggedVersions: [...(entry?.flagged ?? new Map<string, string>())].map(([version, reason]) => ({ version, reason })),
        counts: { ...counts, total: ofType.length },
        needsPatch: ofType
          .filter((d) => needsPatch(d.firmware.status))
          .sort((a, b) => rank[a.firmware.status] - rank[b.firmware.status] || a.id.localeCompare(b.id)),
      };
    });
}
