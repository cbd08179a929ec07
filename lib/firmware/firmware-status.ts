// Where a device's firmware stands against the packages of its type. Pure (client-safe).
// "Outdated" = older than the newest unflagged package of its type; "flagged" = running a version
// whose package was flagged as faulty; "unknown" = the device never reported a version although its
// type has a package; "untracked" = no unflagged package exists for its type, so there is nothing to
// compare against (it never counts as needing a patch unless it runs a flagged version).
import { compareVersions } from "./versions";

export type FirmwareStatus = "current" | "outdated" | "flagged" | "unknown" | "untracked";
export const FIRMWARE_STATUSES: readonly FirmwareStatus[] = ["current", "outdated", "flagged", "unknown", "untracked"];

export type CatalogEntry = {
  /** Newest unflagged version of the type and its package id. */
  latest: { version: string; packageId: string } | null;
  /** Flagged versions of the type with their reason. */
  flagged: Map<string, string>;
};

export function firmwareStatus(version: string | null, entry: CatalogEntry | undefined): FirmwareStatus {
  if (version && entry?.flagged.has(version)) return "flagged";
  if (!entry?.latest) return "untracked";
  if (!version) return "unknown";
  return compareVersions(version, entry.latest.version) < 0 ? "outdated" : "current";
}

/** Statuses that need biomed's attention on the patch-status view. */
export function needsPatch(status: FirmwareStatus): boolean {
  return status === "outdated" || status === "flagged" || status === "unknown";
}
