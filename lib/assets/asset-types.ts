// The asset vocabulary: the classes of tracked equipment and the status an asset can be in.
// Client-safe (no server imports): the map page, the API and the CLI share it.

export const ASSET_CLASSES = {
  infusion_pump: "Infusion pump",
  syringe_driver: "Syringe driver",
  wheelchair: "Wheelchair",
  bed: "Bed",
  defibrillator: "Defibrillator",
  ventilator: "Ventilator",
  patient_monitor: "Patient monitor",
  bladder_scanner: "Bladder scanner",
  hoist: "Patient hoist",
  other: "Other equipment",
} as const;
export type AssetClass = keyof typeof ASSET_CLASSES;
export const ASSET_CLASS_KEYS = Object.keys(ASSET_CLASSES) as AssetClass[];

export function isAssetClass(c: string): c is AssetClass {
  return Object.prototype.hasOwnProperty.call(ASSET_CLASSES, c);
}

/**
 * When several apply, the first in this list wins: an asset on a patient is in use even if its tag went
 * silent; one nobody can find is missing before it is due for service; service (done by biomed, who also
 * clean) before cleaning.
 */
export const ASSET_STATUSES = ["in_use", "missing", "service_due", "needs_cleaning", "available"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const ASSET_STATUS_LABEL: Readonly<Record<AssetStatus, string>> = {
  in_use: "In use",
  missing: "Missing",
  service_due: "Service due",
  needs_cleaning: "Needs cleaning",
  available: "Available",
};

export function isAssetStatus(s: string): s is AssetStatus {
  return (ASSET_STATUSES as readonly string[]).includes(s);
}
