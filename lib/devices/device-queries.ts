// The device registry as admins and biomed see it: type, assignment, environment profile (what an
// environment sensor watches), status, connectivity, last seen, battery, firmware against the newest unflagged package of its type, the latest OTA update, and its open
// equipment alarms (maintenance due, excursion, logger gap).
// Patient names and ids are included only when the viewer may see them (admins); biomed sees the
// ward and bed a device is used at, never who the patient is.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { DEVICE_TYPES, isDeviceType } from "@/lib/domain/device-types";
import { loadFirmwareCatalog } from "@/lib/firmware/firmware-catalog";
import { firmwareStatus, needsPatch, type FirmwareStatus } from "@/lib/firmware/firmware-status";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DeviceAssignment =
  | { kind: "patient"; ward: string | null; bed: string | null; patient: { id: string; name: string; mrn: string } | null }
  | { kind: "bed"; ward: string; bed: string }
  | { kind: "asset"; tag: string }
  | { kind: "location"; text: string }
  | { kind: "none" };

export type RegistryDevice = {
  id: string;
  type: string;
  typeLabel: string;
  status: "active" | "revoked";
  simulated: boolean;
  assignment: DeviceAssignment;
  /** For an environment sensor: what it watches (lib/domain/environment-profiles), e.g. "vaccine_fridge". */
  environmentProfile: string | null;
  /** Home ward and floor-plan room of a device not at a bed (lib/devices/set-device-ward), e.g. a fridge logger. */
  homeWardId: string | null;
  homeRoomId: string | null;
  connectivity: "online" | "offline" | "unknown";
  connectivityAt: string | null;
  lastSeenAt: string | null;
  batteryLevel: number | null;
  firmwareVersion: string | null;
  firmware: { status: FirmwareStatus; latest: string | null; flagReason: string | null };
  update: { id: string; version: string; state: string; detail: string | null; updatedAt: string } | null;
  gatewayId: string | null;
  /** Identity (lib/devices/device-identity-rules). */
  model: string | null;
  serialNumber: string | null;
  udi: string | null;
  /** When service is due: an open "Service due" alarm's raise time, or the tracked asset's service date. */
  serviceDueAt: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** Open equipment alarms of this device (pump maintenance, excursion, logger gap): what biomed must act on. */
  openAlarms: { id: string; rule: string; priority: string; message: string; raisedAt: string; conditionActive: boolean }[];
};

export const registryFiltersSchema = z.object({
  type: z.string().trim().max(40).optional(),
  status: z.enum(["active", "revoked"]).optional(),
  connectivity: z.enum(["online", "offline", "unknown"]).optional(),
  /** Ward id or code. */
  ward: z.string().trim().max(100).optional(),
  /** "attention" = outdated, flagged or unknown. */
  firmware: z.enum(["current", "outdated", "flagged", "unknown", "untracked", "attention"]).optional(),
  q: z.string().trim().max(100).optional(),
});
export type RegistryFilters = z.infer<typeof registryFiltersSchema>;
export type RegistryViewer = { showPatients: boolean };

const MAX_ROWS = 2000;

const wardMatch = (ward: string): Prisma.WardWhereInput => ({ OR: [{ id: ward }, { code: { equals: ward, mode: "insensitive" } }] });

function whereOf(f: RegistryFilters, deviceId?: string): Prisma.DeviceWhereInput {
  const and: Prisma.DeviceWhereInput[] = [];
  if (deviceId) and.push({ id: deviceId });
  if (f.type) and.push({ type: f.type });
  if (f.status) and.push({ status: f.status });
  if (f.connectivity) and.push({ connectivity: f.connectivity });
  if (f.ward) and.push({ OR: [{ bed: { ward: wardMatch(f.ward) } }, { patient: { bed: { ward: wardMatch(f.ward) } } }] });
  if (f.q)
    and.push({
      OR: [
        { id: { contains: f.q, mode: "insensitive" } },
        { assetTag: { contains: f.q, mode: "insensitive" } },
        { location: { contains: f.q, mode: "insensitive" } },
      ],
    });
  return and.length ? { AND: and } : {};
}

const bedSelect = { select: { label: true, ward: { select: { code: true } } } } as const;
const deviceSelect = {
  id: true,
  type: true,
  status: true,
  simulated: true,
  firmwareVersion: true,
  lastSeenAt: true,
  createdAt: true,
  revokedAt: true,
  assetTag: true,
  location: true,
  gatewayId: true,
  environmentProfile: true,
  wardId: true,
  roomId: true,
  batteryLevel: true,
  connectivity: true,
  connectivityAt: true,
  model: true,
  serialNumber: true,
  udi: true,
  assetOf: { select: { serviceDueAt: true } },
  bed: bedSelect,
  patient: { select: { id: true, mrn: true, givenName: true, familyName: true, bed: bedSelect } },
} satisfies Prisma.DeviceSelect;
type DeviceRow = Prisma.DeviceGetPayload<{ select: typeof deviceSelect }>;

function assignmentOf(d: DeviceRow, viewer: RegistryViewer): DeviceAssignment {
  if (d.patient) {
    return {
      kind: "patient",
      ward: d.patient.bed?.ward.code ?? null,
      bed: d.patient.bed?.label ?? null,
      patient: viewer.showPatients
        ? { id: d.patient.id, name: `${d.patient.givenName} ${d.patient.familyName}`, mrn: d.patient.mrn }
        : null,
    };
  }
  if (d.bed) return { kind: "bed", ward: d.bed.ward.code, bed: d.bed.label };
  if (d.assetTag) return { kind: "asset", tag: d.assetTag };
  if (d.location) return { kind: "location", text: d.location };
  return { kind: "none" };
}

async function latestUpdates(deviceIds: string[]) {
  if (deviceIds.length === 0) return new Map<string, RegistryDevice["update"]>();
  const prisma = await getPrisma();
  const rows = await prisma.deviceFirmwareUpdate.findMany({
    where: { deviceId: { in: deviceIds } },
    orderBy: [{ deviceId: "asc" }, { createdAt: "desc" }],
    distinct: ["deviceId"],
    select: { id: true, deviceId: true, state: true, detail: true, updatedAt: true, package: { select: { version: true } } },
  });
  return new Map(
    rows.map((u) => [
      u.deviceId,
      { id: u.id, version: u.package.version, state: u.state, detail: u.detail, updatedAt: u.updatedAt.toISOString() },
    ]),
  );
}

/** Open alerts on no patient, by device: the equipment's own alarms (never patient data). */
async function openEquipmentAlarms(deviceIds: string[]) {
  const byDevice = new Map<string, RegistryDevice["openAlarms"]>();
  if (deviceIds.length === 0) return byDevice;
  const prisma = await getPrisma();
  const rows = await prisma.alert.findMany({
    where: { deviceId: { in: deviceIds }, patientId: null, openKey: { not: null } },
    orderBy: [{ priority: "asc" }, { raisedAt: "asc" }],
    select: { id: true, deviceId: true, rule: true, priority: true, message: true, raisedAt: true, conditionActive: true },
  });
  for (const r of rows) {
    const list = byDevice.get(r.deviceId!) ?? [];
    list.push({
      id: r.id,
      rule: r.rule,
      priority: r.priority,
      message: r.message,
      raisedAt: r.raisedAt.toISOString(),
      conditionActive: r.conditionActive,
    });
    byDevice.set(r.deviceId!, list);
  }
  return byDevice;
}

/** The earlier of the asset's service date and an open "Service due" (device.maintenance) alarm. */
function serviceDueOf(assetDue: Date | null, alarms: RegistryDevice["openAlarms"]): string | null {
  const times = [
    ...(assetDue ? [assetDue.getTime()] : []),
    ...alarms.filter((a) => a.rule === "device.maintenance").map((a) => Date.parse(a.raisedAt)),
  ];
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}

async function query(filters: RegistryFilters, viewer: RegistryViewer, deviceId?: string): Promise<RegistryDevice[]> {
  const prisma = await getPrisma();
  const [rows, catalog] = await Promise.all([
    prisma.device.findMany({
      where: whereOf(filters, deviceId),
      orderBy: [{ type: "asc" }, { id: "asc" }],
      take: MAX_ROWS,
      select: deviceSelect,
    }),
    loadFirmwareCatalog(),
  ]);
  const [updates, alarms] = await Promise.all([latestUpdates(rows.map((d) => d.id)), openEquipmentAlarms(rows.map((d) => d.id))]);
  const devices = rows.map((d): RegistryDevice => {
    const entry = catalog.get(d.type);
    const status = firmwareStatus(d.firmwareVersion, entry);
    return {
      id: d.id,
      type: d.type,
      typeLabel: isDeviceType(d.type) ? DEVICE_TYPES[d.type].label : d.type,
      status: d.status,
      simulated: d.simulated,
      assignment: assignmentOf(d, viewer),
      environmentProfile: d.environmentProfile,
      homeWardId: d.wardId,
      homeRoomId: d.roomId,
      connectivity: d.connectivity,
      connectivityAt: d.connectivityAt?.toISOString() ?? null,
      lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
      batteryLevel: d.batteryLevel,
      firmwareVersion: d.firmwareVersion,
      firmware: {
        status,
        latest: entry?.latest?.version ?? null,
        flagReason: status === "flagged" && d.firmwareVersion ? (entry?.flagged.get(d.firmwareVersion) ?? null) : null,
      },
      update: updates.get(d.id) ?? null,
      gatewayId: d.gatewayId,
      model: d.model,
      serialNumber: d.serialNumber,
      udi: d.udi,
      serviceDueAt: serviceDueOf(d.assetOf?.serviceDueAt ?? null, alarms.get(d.id) ?? []),
      createdAt: d.createdAt.toISOString(),
      revokedAt: d.revokedAt?.toISOString() ?? null,
      openAlarms: alarms.get(d.id) ?? [],
    };
  });
  const f = filters.firmware;
  if (!f) return devices;
  return devices.filter((d) => (f === "attention" ? needsPatch(d.firmware.status) : d.firmware.status === f));
}

export function listRegistryDevices(filters: RegistryFilters, viewer: RegistryViewer): Promise<RegistryDevice[]> {
  return query(filters, viewer);
}

export async function getRegistryDevice(deviceId: string, viewer: RegistryViewer): Promise<RegistryDevice | null> {
  return (await query({}, viewer, deviceId))[0] ?? null;
}

/** Patient ids behind the given registry rows (for the audit of an admin's read). */
export function patientIdsOf(devices: RegistryDevice[]): string[] {
  const ids = devices.flatMap((d) => (d.assignment.kind === "patient" && d.assignment.patient ? [d.assignment.patient.id] : []));
  return [...new Set(ids)];
}

/** What a device can be assigned to: every bed ("WARD/label"); patients only for viewers who may see them. */
export async function listAssignableTargets(viewer: RegistryViewer) {
  const prisma = await getPrisma();
  const beds = await prisma.bed.findMany({
    select: { id: true, label: true, ward: { select: { code: true } } },
    orderBy: [{ ward: { code: "asc" } }, { label: "asc" }],
  });
  const bedOptions = beds
    .map((b) => ({ id: b.id, ref: `${b.ward.code}/${b.label}` }))
    .sort((a, b) => a.ref.localeCompare(b.ref, undefined, { numeric: true }));
  const patients = viewer.showPatients
    ? (
        await prisma.patient.findMany({
          select: { id: true, givenName: true, familyName: true, mrn: true, bed: bedSelect },
        })
      )
        // Names are encrypted at rest: sorted after decryption.
        .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName))
        .map((p) => ({
          id: p.id,
          label: `${p.givenName} ${p.familyName} (${p.mrn}${p.bed ? `, ${p.bed.ward.code}/${p.bed.label}` : ""})`,
        }))
    : [];
  const wards = await prisma.ward.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  return { beds: bedOptions, patients, wards };
}
