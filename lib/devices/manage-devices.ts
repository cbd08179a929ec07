// Device provisioning: create (secret shown once), rotate the secret, revoke, list, and the check of an env
// sensor's profile (what it watches); assigning and unassigning live in ./assign-device. Inputs are validated
// with errors that name the field. Every change is announced on the bus ("device:changed") so caches and live
// connections follow at once: a revoke or a rotation drops the device's live MQTT connection. With `audit`, the
// change is also written to the audit trail under that actor.
import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { DEVICE_TYPE_KEYS, isDeviceType, type DeviceType } from "@/lib/domain/device-types";
import { recordAssignments } from "./assignment-history";
import { ENVIRONMENT_PROFILE_KEYS, isEnvironmentProfile, type EnvironmentProfile } from "@/lib/domain/environment-profiles";
import { placementOf, type AssignTarget } from "./assign-device";

export { assignDevice, assignmentBodySchema, unassignDevice, type AssignTarget } from "./assign-device";

const ID_PREFIX: Record<string, string> = {
  bedside_monitor: "mon",
  wearable: "wear",
  cgm: "cgm",
  bp_cuff: "bp",
  smart_inhaler: "inh",
  infusion_pump: "pump",
  env_sensor: "env",
  home_air_sensor: "air",
  gateway: "gw",
  ble_gateway: "blegw",
  asset_tag: "tag",
};
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function newDeviceId(type: DeviceType): string {
  return `${ID_PREFIX[type] ?? type.replace(/[^a-z]/g, "").slice(0, 6)}-${crypto.randomBytes(5).toString("hex")}`;
}

const PROFILE_TYPE: DeviceType = "env_sensor";

/** Checks a profile for a device type; null (or empty) means none. Errors name the field and list the profiles. */
export function checkEnvironmentProfile(type: string, profile: string | null | undefined): EnvironmentProfile | null {
  const p = profile?.trim();
  if (!p) return null;
  const valid = `one of: ${ENVIRONMENT_PROFILE_KEYS.join(", ")}`;
  if (!isEnvironmentProfile(p)) throw new Refusal("invalid", `unknown profile "${p}" (${valid})`, { field: "environmentProfile" });
  if (type !== PROFILE_TYPE)
    throw new Refusal("invalid", `only an ${PROFILE_TYPE} has a profile (${valid}); ${type} devices have none`, {
      field: "environmentProfile",
    });
  return p;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

export async function createDevice(
  input: {
    type: string;
    patientId?: string | null;
    /** Instead of a patient: a bed ("WARD/label" or id), an asset tag or a location. */
    bed?: string | null;
    assetTag?: string | null;
    location?: string | null;
    firmwareVersion?: string;
    simulated?: boolean;
    id?: string;
    /** A gateway that relays this device's frames (e.g. a BLE hub for wearables). */
    gatewayId?: string | null;
    /** For an env_sensor: what it watches (lib/domain/environment-profiles), e.g. "vaccine_fridge". */
    environmentProfile?: string | null;
  },
  opts: { audit?: AuditBy } = {},
): Promise<{ id: string; type: DeviceType; patientId: string | null; environmentProfile: EnvironmentProfile | null; secret: string }> {
  if (!isDeviceType(input.type)) {
    throw new Refusal("invalid", `unknown device type "${input.type}" (one of: ${DEVICE_TYPE_KEYS.join(", ")})`, { field: "type" });
  }
  if (input.id !== undefined && !DEVICE_ID.test(input.id)) {
    throw new Refusal("invalid", "use letters, digits and . _ - (at most 64, starting with a letter or digit)", { field: "id" });
  }
  const environmentProfile = checkEnvironmentProfile(input.type, input.environmentProfile);
  const targets: AssignTarget[] = [
    ...(input.patientId ? [{ kind: "patient" as const, patientId: input.patientId }] : []),
    ...(input.bed ? [{ kind: "bed" as const, bed: input.bed }] : []),
    ...(input.assetTag ? [{ kind: "asset" as const, tag: input.assetTag }] : []),
    ...(input.location ? [{ kind: "location" as const, text: input.location }] : []),
  ];
  if (targets.length > 1) throw new Refusal("invalid", "give at most one of patient, bed, asset tag or location", { field: "assignment" });
  const prisma = await getPrisma();
  const { placement } = await placementOf(prisma, targets[0] ?? { kind: "none" });
  if (input.gatewayId) {
    const gateway = await prisma.device.findUnique({ where: { id: input.gatewayId }, select: { type: true, status: true } });
    if (!gateway || gateway.type !== "gateway" || gateway.status !== "active") {
      throw new Refusal("invalid", `no active gateway with id "${input.gatewayId}"`, { field: "gateway" });
    }
  }
  const secret = generateSecret("dsk");
  let device;
  try {
    device = await prisma.device.create({
      data: {
        id: input.id ?? newDeviceId(input.type),
        type: input.type,
        secretHash: hashSecret(secret),
        ...placement,
        gatewayId: input.gatewayId ?? null,
        environmentProfile,
        firmwareVersion: input.firmwareVersion ?? null,
        simulated: input.simulated ?? false,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Refusal("invalid", `a device with id "${input.id}" already exists`, { field: "id" });
    throw err;
  }
  await recordAssignments(prisma, [{ deviceId: device.id, placement, actorEmail: opts.audit?.actor.email, reason: "provisioned" }]);
  eventBus().publish("device:changed", { deviceId: device.id, change: "created" });
  eventBus().publish("device:credentials", { deviceId: device.id, secret, change: "created" });
  if (opts.audit) {
    await recordAudit([
      {
        ...opts.audit,
        action: "device.create",
        patientId: device.patientId,
        detail: { deviceId: device.id, type: device.type, ...placement, environmentProfile },
      },
    ]);
  }
  return { id: device.id, type: input.type, patientId: device.patientId, environmentProfile, secret };
}

/** Issues a new secret; the old one stops working and live connections using it are dropped. */
export async function rotateDeviceSecret(deviceId: string, opts: { audit?: AuditBy } = {}): Promise<string> {
  const prisma = await getPrisma();
  const secret = generateSecret("dsk");
  const updated = await prisma.device.updateMany({ where: { id: deviceId, status: "active" }, data: { secretHash: hashSecret(secret) } });
  if (updated.count === 0) {
    const exists = await prisma.device.findUnique({ where: { id: deviceId }, select: { id: true } });
    throw exists
      ? new Refusal("invalid", `"${deviceId}" is revoked; provision a new device instead`, { field: "device" })
      : new Refusal("not_found", `no active device with id "${deviceId}"`, { field: "device" });
  }
  eventBus().publish("device:changed", { deviceId, change: "rotated" });
  eventBus().publish("device:credentials", { deviceId, secret, change: "rotated" });
  if (opts.audit) await recordAudit([{ ...opts.audit, action: "device.rotate_secret", detail: { deviceId } }]);
  return secret;
}

export async function revokeDevice(deviceId: string, opts: { audit?: AuditBy } = {}): Promise<{ id: string; revokedAt: Date }> {
  const prisma = await getPrisma();
  const existing = await prisma.device.findUnique({ where: { id: deviceId } });
  if (!existing) throw new Refusal("not_found", `no device with id "${deviceId}"`, { field: "device" });
  const device =
    existing.status === "revoked"
      ? existing
      : await prisma.device.update({ where: { id: deviceId }, data: { status: "revoked", revokedAt: new Date() } });
  // A revoked device will never finish an update: close the open ones.
  await prisma.deviceFirmwareUpdate.updateMany({
    where: { deviceId, state: { in: ["pending", "downloading", "verified"] } },
    data: { state: "failed", detail: "cancelled: device revoked", updatedAt: new Date() },
  });
  eventBus().publish("device:changed", { deviceId, change: "revoked" });
  if (opts.audit && existing.status !== "revoked") {
    await recordAudit([
      { ...opts.audit, action: "device.revoke", patientId: existing.patientId, detail: { deviceId, type: existing.type } },
    ]);
  }
  return { id: device.id, revokedAt: device.revokedAt ?? new Date() };
}

export async function listDevices() {
  const prisma = await getPrisma();
  const devices = await prisma.device.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      status: true,
      patientId: true,
      firmwareVersion: true,
      lastSeenAt: true,
      createdAt: true,
      revokedAt: true,
      environmentProfile: true,
      patient: { select: { mrn: true, bed: { select: { label: true, ward: { select: { code: true } } } } } },
    },
  });
  return devices.map(({ patient, ...d }) => ({
    ...d,
    patientMrn: patient?.mrn ?? null,
    bed: patient?.bed ? `${patient.bed.ward.code}/${patient.bed.label}` : null,
  }));
}
