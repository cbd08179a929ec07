// Pairing a patient's home devices (remote monitoring onboarding): a clinician who may see the patient
// (their ward, or a care team they are on) pairs a CGM, BP cuff, smart inhaler or home air sensor to the
// patient, either provisioning a new one or taking an unassigned one from stock, and unpairs it when it is
// returned. Pairing always hands out a fresh secret (shown once, to enter in the device or its phone app)
// and unpairing rotates it away, so an earlier holder can never send readings in the new patient's name.
// Bedside and ward equipment stay with the device registry (admins, biomed). Every change is audited by
// the functions it calls.
import "server-only";
import { z } from "zod";
import type { AuditBy } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { HOME_DEVICE_TYPES } from "@/lib/domain/device-types";
import { assignDevice, createDevice, rotateDeviceSecret } from "./manage-devices";

type HomeDeviceType = (typeof HOME_DEVICE_TYPES)[number];

const homeType = z.enum(HOME_DEVICE_TYPES, { error: `must be one of: ${HOME_DEVICE_TYPES.join(", ")}` });

/** `{type}` provisions a new device of that type; `{deviceId}` pairs an unassigned one. */
export const pairBodySchema = z.union(
  [z.object({ type: homeType }).strict(), z.object({ deviceId: z.string().min(1, "must not be empty").max(100) }).strict()],
  { error: 'give {"type": <home device type>} to provision a new device, or {"deviceId"} to pair one from stock' },
);
export type PairBody = z.infer<typeof pairBodySchema>;

export type PairedDevice = { id: string; type: string; status: string; lastSeenAt: string | null; battery: number | null };

const PAIRED_SELECT = { id: true, type: true, status: true, lastSeenAt: true, batteryLevel: true } as const;

function toPaired(d: { id: string; type: string; status: string; lastSeenAt: Date | null; batteryLevel: number | null }): PairedDevice {
  return { id: d.id, type: d.type, status: d.status, lastSeenAt: d.lastSeenAt?.toISOString() ?? null, battery: d.batteryLevel };
}

export async function listPairedDevices(patientId: string): Promise<PairedDevice[]> {
  const prisma = await getPrisma();
  const rows = await prisma.device.findMany({ where: { patientId }, select: PAIRED_SELECT, orderBy: { id: "asc" } });
  return rows.map(toPaired);
}

function isHomeType(type: string): type is HomeDeviceType {
  return (HOME_DEVICE_TYPES as readonly string[]).includes(type);
}

export async function pairHomeDevice(patientId: string, body: PairBody, audit: AuditBy): Promise<{ device: PairedDevice; secret: string }> {
  if ("type" in body) {
    const created = await createDevice({ type: body.type, patientId }, { audit });
    return { device: await pairedDevice(created.id), secret: created.secret };
  }
  const prisma = await getPrisma();
  const d = await prisma.device.findUnique({
    where: { id: body.deviceId },
    select: { type: true, status: true, patientId: true, bedId: true, assetTag: true, location: true },
  });
  if (!d) throw new Refusal("not_found", `no device with id "${body.deviceId}"`, { field: "deviceId" });
  if (!isHomeType(d.type)) {
    throw new Refusal("invalid", `a ${d.type} is not a home device (one of: ${HOME_DEVICE_TYPES.join(", ")})`, { field: "deviceId" });
  }
  if (d.status !== "active")
    throw new Refusal("invalid", `"${body.deviceId}" is revoked; provision a new device instead`, { field: "deviceId" });
  if (d.patientId === patientId) throw new Refusal("conflict", "this device is already paired to the patient", { field: "deviceId" });
  if (d.patientId || d.bedId || d.assetTag || d.location) {
    throw new Refusal("conflict", "this device is in use; unpair it first", { field: "deviceId" });
  }
  await assignDevice(body.deviceId, { kind: "patient", patientId }, { audit });
  const secret = await rotateDeviceSecret(body.deviceId, { audit });
  return { device: await pairedDevice(body.deviceId), secret };
}

export async function unpairHomeDevice(patientId: string, deviceId: string, audit: AuditBy): Promise<void> {
  const prisma = await getPrisma();
  const d = await prisma.device.findUnique({ where: { id: deviceId }, select: { type: true, patientId: true } });
  if (!d || d.patientId !== patientId) throw new Refusal("not_found", "no such device paired to this patient", { field: "deviceId" });
  if (!isHomeType(d.type)) throw new Refusal("forbidden", "bedside and ward devices are unassigned in the device registry");
  await assignDevice(deviceId, { kind: "none" }, { audit });
  // The returned device's secret stays with whoever set it up: rotated away; the next pairing issues one.
  await rotateDeviceSecret(deviceId, { audit });
}

async function pairedDevice(id: string): Promise<PairedDevice> {
  const prisma = await getPrisma();
  return toPaired(await prisma.device.findUniqueOrThrow({ where: { id }, select: PAIRED_SELECT }));
}
