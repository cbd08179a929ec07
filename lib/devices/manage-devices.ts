// Device provisioning: create (secret shown once), rotate the secret, assign to a patient, bed, asset
// tag or location, unassign, set an environment sensor's profile (what it watches), revoke, list. Inputs are validated with errors that name the field.
// Every change is announced on the bus ("device:changed") so caches and live connections follow at
// once: a revoke or a rotation drops the device's live MQTT connection. With `audit`, the change is
// also written to the audit trail under that actor.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { DEVICE_TYPE_KEYS, isDeviceType, type DeviceType } from "@/lib/domain/device-types";
import { recordAssignments } from "./assignment-history";
import { ENVIRONMENT_PROFILE_KEYS, isEnvironmentProfile, type EnvironmentProfile } from "@/lib/domain/environment-profiles";

/** Where a device is used. Exactly one at a time; "none" clears the assignment. */
export type AssignTarget =
  | { kind: "patient"; patientId: string }
  /** A bed id, or "WARD/label" such as "4E/3". */
  | { kind: "bed"; bed: string }
  | { kind: "asset"; tag: string }
  | { kind: "location"; text: string }
  | { kind: "none" };

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
const ASSET_TAG = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const LOCATION_MAX = 120;

export function newDeviceId(type: DeviceType): string {
  return `${ID_PREFIX[type] ?? type.replace(/[^a-z]/g, "").slice(0, 6)}-${crypto.randomBytes(5).toString("hex")}`;
}

/** Request body of an assignment (API, server actions): exactly one of the keys. */
export const assignmentBodySchema = z
  .object({
    patientId: z.string().trim().min(1).max(100).optional(),
    bed: z.string().trim().min(1).max(100).optional(),
    assetTag: z.string().trim().min(1).max(64).optional(),
    location: z.string().trim().min(1).max(LOCATION_MAX).optional(),
    unassign: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of patientId, bed, assetTag, location or unassign: true",
  })
  .transform((b): AssignTarget => {
    if (b.patientId) return { kind: "patient", patientId: b.patientId };
    if (b.bed) return { kind: "bed", bed: b.bed };
    if (b.assetTag) return { kind: "asset", tag: b.assetTag };
    if (b.location) return { kind: "location", text: b.location };
    return { kind: "none" };
  });

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

type Placement = { patientId: string | null; bedId: string | null; assetTag: string | null; location: string | null };
type Prisma = Awaited<ReturnType<typeof getPrisma>>;

async function resolveBed(prisma: Prisma, ref: string): Promise<{ id: string; label: string }> {
  const slash = ref.indexOf("/");
  const bed =
    slash > 0
      ? await prisma.bed.findFirst({
          where: { label: ref.slice(slash + 1).trim(), ward: { code: { equals: ref.slice(0, slash).trim(), mode: "insensitive" } } },
          select: { id: true, label: true, ward: { select: { code: true } } },
        })
      : await prisma.bed.findUnique({ where: { id: ref }, select: { id: true, label: true, ward: { select: { code: true } } } });
  if (!bed) throw new Refusal("invalid", `no bed "${ref}" (use WARD/label such as 4E/3, or a bed id)`, { field: "bed" });
  return { id: bed.id, label: `${bed.ward.code}/${bed.label}` };
}

/** Validates a target and turns it into the device columns it sets (the others are cleared). */
async function placementOf(prisma: Prisma, target: AssignTarget): Promise<{ placement: Placement; label: string | null }> {
  const none: Placement = { patientId: null, bedId: null, assetTag: null, location: null };
  switch (target.kind) {
    case "patient": {
      const patient = await prisma.patient.findUnique({
        where: { id: target.patientId.trim() },
        select: { id: true, bedId: true, encounters: { orderBy: { admittedAt: "desc" }, take: 1, select: { status: true } } },
      });
      if (!patient) throw new Refusal("invalid", `no patient with id "${target.patientId}"`, { field: "patient" });
      // A discharged patient leaves no device attached, and gets none until admitted again.
      const last = patient.encounters[0]?.status;
      if (!patient.bedId && last && last !== "admitted")
        throw new Refusal("invalid", "the patient is not admitted (discharged); admit them first", { field: "patient" });
      return { placement: { ...none, patientId: patient.id }, label: null };
    }
    case "bed": {
      const bed = await resolveBed(prisma, target.bed.trim());
      return { placement: { ...none, bedId: bed.id }, label: bed.label };
    }
    case "asset": {
      const tag = target.tag.trim();
      if (!ASSET_TAG.test(tag))
        throw new Refusal("invalid", "use letters, digits and . _ : - (at most 64), e.g. PUMP-0042", { field: "assetTag" });
      return { placement: { ...none, assetTag: tag }, label: tag };
    }
    case "location": {
      const text = target.text.trim();
      if (!text) throw new Refusal("invalid", "is empty", { field: "location" });
      if (text.length > LOCATION_MAX) throw new Refusal("invalid", `is longer than ${LOCATION_MAX} characters`, { field: "location" });
      if (/[\p{Cc}]/u.test(text)) throw new Refusal("invalid", "may not contain control characters", { field: "location" });
      return { placement: { ...none, location: text }, label: text };
    }
    case "none":
      return { placement: none, label: null };
  }
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

/** Assigns an active device to one patient, bed, asset tag or location (or none), replacing the previous one. */
export async function assignDevice(
  deviceId: string,
  target: AssignTarget,
  opts: { audit?: AuditBy } = {},
): Promise<Placement & { id: string; label: string | null }> {
  const prisma = await getPrisma();
  const existing = await prisma.device.findUnique({
    where: { id: deviceId },
    select: { id: true, status: true, patientId: true, bedId: true, assetTag: true, location: true },
  });
  if (!existing) throw new Refusal("not_found", `no device with id "${deviceId}"`, { field: "device" });
  if (existing.status === "revoked")
    throw new Refusal("invalid", `"${deviceId}" is revoked; provision a new device instead`, { field: "device" });
  const { placement, label } = await placementOf(prisma, target);
  await prisma.device.update({ where: { id: deviceId }, data: placement });
  await recordAssignments(prisma, [
    { deviceId, placement, actorEmail: opts.audit?.actor.email, reason: target.kind === "none" ? "unassigned" : "assigned" },
  ]);
  eventBus().publish("device:changed", { deviceId, change: "assigned" });
  if (opts.audit) {
    const { id: _id, status: _status, ...previous } = existing;
    await recordAudit([
      {
        ...opts.audit,
        action: target.kind === "none" ? "device.unassign" : "device.assign",
        patientId: placement.patientId ?? existing.patientId,
        detail: { deviceId, kind: target.kind, ...placement, label, previous },
      },
    ]);
  }
  return { id: deviceId, ...placement, label };
}

export function unassignDevice(deviceId: string, opts: { audit?: AuditBy } = {}) {
  return assignDevice(deviceId, { kind: "none" }, opts);
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
