// Device provisioning: create (secret shown once), assign, revoke, list. Every change is announced on
// the bus so caches and live connections follow at once.
import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { DEVICE_TYPE_KEYS, isDeviceType, type DeviceType } from "@/lib/domain/device-types";

export class DeviceInputError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = "DeviceInputError";
  }
}

const ID_PREFIX: Record<DeviceType, string> = {
  bedside_monitor: "mon",
  wearable: "wear",
  cgm: "cgm",
  bp_cuff: "bp",
  smart_inhaler: "inh",
  infusion_pump: "pump",
  env_sensor: "env",
};

export function newDeviceId(type: DeviceType): string {
  return `${ID_PREFIX[type]}-${crypto.randomBytes(5).toString("hex")}`;
}

export async function createDevice(input: {
  type: string;
  patientId?: string | null;
  firmwareVersion?: string;
  simulated?: boolean;
  id?: string;
}): Promise<{ id: string; type: DeviceType; patientId: string | null; secret: string }> {
  if (!isDeviceType(input.type)) {
    throw new DeviceInputError("type", `unknown device type "${input.type}" (one of: ${DEVICE_TYPE_KEYS.join(", ")})`);
  }
  const prisma = await getPrisma();
  if (input.patientId) {
    const patient = await prisma.patient.findUnique({ where: { id: input.patientId }, select: { id: true } });
    if (!patient) throw new DeviceInputError("patient", `no patient with id "${input.patientId}"`);
  }
  const secret = generateSecret("dsk");
  const device = await prisma.device.create({
    data: {
      id: input.id ?? newDeviceId(input.type),
      type: input.type,
      secretHash: hashSecret(secret),
      patientId: input.patientId ?? null,
      firmwareVersion: input.firmwareVersion ?? null,
      simulated: input.simulated ?? false,
    },
  });
  eventBus().publish("device:changed", { deviceId: device.id, change: "created" });
  return { id: device.id, type: input.type, patientId: device.patientId, secret };
}

/** Issues a new secret; the old one stops working and live connections using it are dropped. */
export async function rotateDeviceSecret(deviceId: string): Promise<string> {
  const prisma = await getPrisma();
  const secret = generateSecret("dsk");
  const updated = await prisma.device.updateMany({ where: { id: deviceId, status: "active" }, data: { secretHash: hashSecret(secret) } });
  if (updated.count === 0) throw new DeviceInputError("device", `no active device with id "${deviceId}"`);
  eventBus().publish("device:changed", { deviceId, change: "rotated" });
  return secret;
}

export async function revokeDevice(deviceId: string): Promise<{ id: string; revokedAt: Date }> {
  const prisma = await getPrisma();
  const existing = await prisma.device.findUnique({ where: { id: deviceId } });
  if (!existing) throw new DeviceInputError("device", `no device with id "${deviceId}"`);
  const device =
    existing.status === "revoked"
      ? existing
      : await prisma.device.update({ where: { id: deviceId }, data: { status: "revoked", revokedAt: new Date() } });
  eventBus().publish("device:changed", { deviceId, change: "revoked" });
  return { id: device.id, revokedAt: device.revokedAt ?? new Date() };
}

export async function listDevices() {
  const prisma = await getPrisma();
  const devices = await prisma.device.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true, type: true, status: true, patientId: true, firmwareVersion: true, lastSeenAt: true, createdAt: true, revokedAt: true,
      patient: { select: { mrn: true, bed: { select: { label: true, ward: { select: { code: true } } } } } },
    },
  });
  return devices.map(({ patient, ...d }) => ({
    ...d,
    patientMrn: patient?.mrn ?? null,
    bed: patient?.bed ? `${patient.bed.ward.code}/${patient.bed.label}` : null,
  }));
}
