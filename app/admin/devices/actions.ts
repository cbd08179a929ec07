"use server";
// Server actions of the device registry page (admin, biomed): provision, rotate the secret, assign,
// set an environment sensor's profile, revoke. Each is audited; secrets are returned once to the caller and never logged. Refusals come
// back as messages that name the field ("bed: no bed …"). Only admins assign devices to patients.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { Refusal } from "@/lib/errors/refusal";
import { assignDevice, assignmentBodySchema, createDevice, revokeDevice, rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { environmentProfileBodySchema, setEnvironmentProfile } from "@/lib/devices/set-environment-profile";
import type { Principal } from "@/lib/auth/principal";

const ROLES = ["admin", "biomed"] as const;
const deviceId = z.string().trim().min(1).max(100);

function mayAssignPatients(p: Principal, patientId: string | undefined) {
  if (patientId && p.role !== "admin")
    throw new Refusal("forbidden", "only admins assign devices to patients; assign to a bed instead.", { field: "patient" });
}

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

export const provisionDeviceAction = safeAction(
  {
    roles: ROLES,
    input: z.object({
      type: z.string().min(1, "choose a device type"),
      id: optional(64),
      patientId: optional(100),
      bed: optional(100),
      assetTag: optional(64),
      location: optional(120),
      firmwareVersion: optional(64),
      environmentProfile: optional(40),
    }),
  },
  async ({ principal, input, meta }) => {
    mayAssignPatients(principal, input.patientId);
    const d = await createDevice(input, { audit: { actor: principal, meta } });
    return { id: d.id, type: d.type, environmentProfile: d.environmentProfile, secret: d.secret };
  },
);

export const rotateSecretAction = safeAction({ roles: ROLES, input: z.object({ deviceId }) }, async ({ principal, input, meta }) => {
  const secret = await rotateDeviceSecret(input.deviceId, { audit: { actor: principal, meta } });
  return { id: input.deviceId, secret };
});

export const revokeDeviceAction = safeAction({ roles: ROLES, input: z.object({ deviceId }) }, async ({ principal, input, meta }) => {
  const r = await revokeDevice(input.deviceId, { audit: { actor: principal, meta } });
  return { id: r.id };
});

export const assignDeviceAction = safeAction(
  { roles: ROLES, input: z.object({ deviceId, target: assignmentBodySchema }) },
  async ({ principal, input, meta }) => {
    mayAssignPatients(principal, input.target.kind === "patient" ? input.target.patientId : undefined);
    const r = await assignDevice(input.deviceId, input.target, { audit: { actor: principal, meta } });
    return { id: r.id, label: r.label };
  },
);

export const setProfileAction = safeAction(
  { roles: ROLES, input: z.object({ deviceId }).extend(environmentProfileBodySchema.shape) },
  async ({ principal, input, meta }) => {
    const r = await setEnvironmentProfile(input.deviceId, input.environmentProfile, { audit: { actor: principal, meta } });
    return { id: r.id, environmentProfile: r.environmentProfile };
  },
);
