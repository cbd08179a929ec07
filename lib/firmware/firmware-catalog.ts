// The firmware reference per device type: the newest unflagged package and the flagged versions.
// Read from package metadata only (never the package bytes).
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { CatalogEntry } from "./firmware-status";
import { compareVersions } from "./versions";

export type FirmwareCatalog = Map<string, CatalogEntry>;

export async function loadFirmwareCatalog(): Promise<FirmwareCatalog> {
  const prisma = await getPrisma();
  const packages = await prisma.firmwarePackage.findMany({
    select: { id: true, deviceType: true, version: true, flaggedAt: true, flagReason: true },
  });
  const catalog: FirmwareCatalog = new Map();
  for (const p of packages) {
    let entry = catalog.get(p.deviceType);
    if (!entry) catalog.set(p.deviceType, (entry = { latest: null, flagged: new Map() }));
    if (p.flaggedAt) entry.flagged.set(p.version, p.flagReason ?? "flagged");
    else if (!entry.latest || compareVersions(p.version, entry.latest.version) > 0) entry.latest = { version: p.version, packageId: p.id };
  }
  return catalog;
}
