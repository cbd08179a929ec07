// Setting a device's identity (model, serial number, UDI; rules in device-identity-rules.ts): the fields
// given are replaced (null clears one) and, with `audit`, recorded as "device.set_identity" with the previous
// values. Nothing downstream caches identity, so no bus event. Revoked devices keep theirs.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { deviceIdentityBodySchema, IDENTITY_FIELDS } from "./device-identity-body";
import type { DeviceIdentity } from "./device-identity-rules";

export async function setDeviceIdentity(deviceId: string, input: unknown, opts: { audit?: AuditBy } = {}): Promise<DeviceIdentity> {
  const parsed = deviceIdentityBodySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "identity", reason: i.message }));
    throw new Refusal("invalid", issues.map((i) => `${i.field}: ${i.reason}`).join("; "), { field: issues[0]!.field, issues });
  }
  const prisma = await getPrisma();
  const existing = await prisma.device.findUnique({
    where: { id: deviceId },
    select: { status: true, model: true, serialNumber: true, udi: true },
  });
  if (!existing) throw new Refusal("not_found", `no device with id "${deviceId}"`, { field: "device" });
  if (existing.status === "revoked")
    throw new Refusal("invalid", `"${deviceId}" is revoked; its identity is kept as it was`, { field: "device" });
  const previous: DeviceIdentity = { model: existing.model, serialNumber: existing.serialNumber, udi: existing.udi };
  const next: DeviceIdentity = { ...previous };
  for (const f of IDENTITY_FIELDS) if (parsed.data[f] !== undefined) next[f] = parsed.data[f] ?? null;
  if (IDENTITY_FIELDS.every((f) => next[f] === previous[f])) return next;
  await prisma.device.update({ where: { id: deviceId }, data: next });
  if (opts.audit) await recordAudit([{ ...opts.audit, action: "device.set_identity", detail: { deviceId, ...next, previous } }]);
  return next;
}
