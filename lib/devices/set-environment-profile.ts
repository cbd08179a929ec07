// An environment sensor's profile (what it watches: lib/domain/environment-profiles): the PATCH body that
// sets or clears it, and setting it, announced on the bus ("device:changed", change "profile") so the
// alarm engine reloads the device and starts excursion detection with the new range; audited.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { recordAudit } from "@/lib/audit/record-audit";
import type { EnvironmentProfile } from "@/lib/domain/environment-profiles";
import type { AuditBy } from "@/lib/audit/record-audit";
import { deviceIdentityBodySchema, IDENTITY_FIELDS, type DeviceIdentityPatch } from "./device-identity-body";
import { assignmentBodySchema, checkEnvironmentProfile, type AssignTarget } from "./manage-devices";
import { deviceWardBodySchema } from "./set-device-ward";
import { changeableDevice } from "./changeable-device";

/** Request body that sets or clears an environment sensor's profile (API PATCH, server actions). */
export const environmentProfileBodySchema = z
  .object({ environmentProfile: z.string().trim().min(1, "give a profile, or null to clear it").max(40).nullable() })
  .strict();

/** A PATCH of one device: its assignment, or (on its own) its environment profile, its home ward and
 *  room, or its identity fields. */
export type DevicePatch =
  | { kind: "assign"; target: AssignTarget }
  | { kind: "profile"; environmentProfile: string | null }
  | { kind: "ward"; ward: string | null; room: string | null }
  | { kind: "identity"; identity: DeviceIdentityPatch };

const isObject = (b: unknown): b is Record<string, unknown> => typeof b === "object" && b !== null && !Array.isArray(b);

/**
 * PATCH body: `{environmentProfile}` alone sets the profile; `{ward, room?}` alone sets the home ward
 * (lib/devices/set-device-ward); `{model?, serialNumber?, udi?}` the identity; anything else is an
 * assignment body.
 */
export const devicePatchBodySchema = z.unknown().transform((body, ctx): DevicePatch => {
  const fail = (issues: readonly { message: string; path: PropertyKey[] }[]) => {
    for (const issue of issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.map(String) });
    return z.NEVER;
  };
  if (isObject(body) && IDENTITY_FIELDS.some((f) => f in body)) {
    const r = deviceIdentityBodySchema.safeParse(body);
    return r.success ? { kind: "identity", identity: r.data } : fail(r.error.issues);
  }
  const isProfile = isObject(body) && "environmentProfile" in body;
  const isWard = isObject(body) && !isProfile && "ward" in body;
  const own = isProfile ? ["environmentProfile"] : ["ward", "room"];
  const others = isObject(body) && (isProfile || isWard) ? Object.keys(body).filter((k) => !own.includes(k)) : [];
  if (others.length) {
    const what = isProfile ? "environmentProfile on its own" : "ward (and room) on their own";
    return fail([{ message: `send ${what}, not with ${others.join(", ")} (assign in a separate PATCH)`, path: [] }]);
  }
  const r = isProfile
    ? environmentProfileBodySchema.safeParse(body)
    : isWard
      ? deviceWardBodySchema.safeParse(body)
      : assignmentBodySchema.safeParse(body);
  if (!r.success) return fail(r.error.issues);
  if ("environmentProfile" in r.data) return { kind: "profile", environmentProfile: r.data.environmentProfile };
  if ("ward" in r.data) return { kind: "ward", ward: r.data.ward, room: r.data.room ?? null };
  return { kind: "assign", target: r.data };
});

/**
 * Sets (or with null clears) what an active environment sensor watches. The alarm engine reloads the
 * device on "device:changed" and starts excursion detection with the new profile's range.
 */
export async function setEnvironmentProfile(
  deviceId: string,
  profile: string | null,
  opts: { audit?: AuditBy } = {},
): Promise<{ id: string; environmentProfile: EnvironmentProfile | null; previous: string | null }> {
  const prisma = await getPrisma();
  const existing = changeableDevice(
    deviceId,
    await prisma.device.findUnique({
      where: { id: deviceId },
      select: { id: true, type: true, status: true, environmentProfile: true },
    }),
  );
  const environmentProfile = checkEnvironmentProfile(existing.type, profile);
  if (existing.environmentProfile !== environmentProfile) {
    await prisma.device.update({ where: { id: deviceId }, data: { environmentProfile } });
    eventBus().publish("device:changed", { deviceId, change: "profile" });
    if (opts.audit) {
      await recordAudit([
        { ...opts.audit, action: "device.set_profile", detail: { deviceId, environmentProfile, previous: existing.environmentProfile } },
      ]);
    }
  }
  return { id: deviceId, environmentProfile, previous: existing.environmentProfile };
}
