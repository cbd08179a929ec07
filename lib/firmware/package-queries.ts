// Firmware packages for the admin views and the API: metadata (never the bytes), how many devices
// run each version, and the update states reported for each package.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { toPackageSummary, type PackageSummary } from "./upload-package";
import { compareVersions } from "./versions";

export type UpdateState = "pending" | "downloading" | "verified" | "updated" | "failed";
export type PackageListItem = PackageSummary & { devicesOnVersion: number; updates: Record<UpdateState, number> };
export type PackageUpdate = {
  id: string;
  deviceId: string;
  state: UpdateState;
  detail: string | null;
  createdAt: string;
  updatedAt: string;
};

const summarySelect = {
  id: true,
  deviceType: true,
  version: true,
  sha256: true,
  signature: true,
  sizeBytes: true,
  createdAt: true,
  flaggedAt: true,
  flagReason: true,
} as const;

/** Newest first within each type; types in alphabetical order. */
export async function listPackages(filter: { deviceType?: string } = {}): Promise<PackageListItem[]> {
  const prisma = await getPrisma();
  const [packages, updateCounts, versionCounts] = await Promise.all([
    prisma.firmwarePackage.findMany({ where: filter.deviceType ? { deviceType: filter.deviceType } : {}, select: summarySelect }),
    prisma.deviceFirmwareUpdate.groupBy({ by: ["packageId", "state"], _count: { _all: true } }),
    prisma.device.groupBy({ by: ["type", "firmwareVersion"], where: { status: "active" }, _count: { _all: true } }),
  ]);
  return packages
    .sort((a, b) => a.deviceType.localeCompare(b.deviceType) || compareVersions(b.version, a.version))
    .map((p) => {
      const updates: Record<UpdateState, number> = { pending: 0, downloading: 0, verified: 0, updated: 0, failed: 0 };
      for (const u of updateCounts) if (u.packageId === p.id) updates[u.state] = u._count._all;
      const devicesOnVersion = versionCounts.find((v) => v.type === p.deviceType && v.firmwareVersion === p.version)?._count._all ?? 0;
      return { ...toPackageSummary(p), devicesOnVersion, updates };
    });
}

export async function getPackage(packageId: string): Promise<(PackageListItem & { updateList: PackageUpdate[] }) | null> {
  const prisma = await getPrisma();
  const p = await prisma.firmwarePackage.findUnique({
    where: { id: packageId },
    select: { ...summarySelect, updates: { orderBy: { createdAt: "desc" }, take: 1000 } },
  });
  if (!p) return null;
  const { updates: rows, ...pkg } = p;
  const updates: Record<UpdateState, number> = { pending: 0, downloading: 0, verified: 0, updated: 0, failed: 0 };
  for (const u of rows) updates[u.state]++;
  const devicesOnVersion = await prisma.device.count({ where: { status: "active", type: p.deviceType, firmwareVersion: p.version } });
  return {
    ...toPackageSummary(pkg),
    devicesOnVersion,
    updates,
    updateList: rows.map((u) => ({
      id: u.id,
      deviceId: u.deviceId,
      state: u.state,
      detail: u.detail,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    })),
  };
}

/** Recent updates across all packages, newest activity first (the rollout log). */
export async function listRecentUpdates(limit = 50) {
  const prisma = await getPrisma();
  const rows = await prisma.deviceFirmwareUpdate.findMany({
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      id: true,
      deviceId: true,
      state: true,
      detail: true,
      createdAt: true,
      updatedAt: true,
      package: { select: { id: true, deviceType: true, version: true } },
    },
  });
  return rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() }));
}
