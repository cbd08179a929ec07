// Flagging a package found faulty after release: devices running it show as "flagged" in the patch
// status, it can no longer be assigned, and its open rollouts are cancelled. Unflagging reverses the
// first two (cancelled updates stay cancelled).
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditBy } from "@/lib/audit/record-audit";
import { clearOtaCommand } from "./deliver-ota";
import { Refusal } from "@/lib/errors/refusal";

export const FLAG_REASON_MAX = 500;

async function existing(packageId: string) {
  const prisma = await getPrisma();
  const pkg = await prisma.firmwarePackage.findUnique({
    where: { id: packageId },
    select: { id: true, deviceType: true, version: true, flaggedAt: true },
  });
  if (!pkg) throw new Refusal("not_found", `no firmware package with id "${packageId}"`, { field: "package" });
  return pkg;
}

export async function flagPackage(
  packageId: string,
  reason: string,
  opts: { audit?: AuditBy } = {},
): Promise<{ cancelledUpdates: number }> {
  const text = reason.trim();
  if (text.length < 3) throw new Refusal("invalid", "say why the package is flagged (at least 3 characters)", { field: "reason" });
  if (text.length > FLAG_REASON_MAX) throw new Refusal("invalid", `is longer than ${FLAG_REASON_MAX} characters`, { field: "reason" });
  const pkg = await existing(packageId);
  const prisma = await getPrisma();
  const open = await prisma.deviceFirmwareUpdate.findMany({
    where: { packageId, state: { in: ["pending", "downloading", "verified"] } },
    select: { id: true, deviceId: true },
  });
  await prisma.$transaction([
    prisma.firmwarePackage.update({ where: { id: packageId }, data: { flaggedAt: pkg.flaggedAt ?? new Date(), flagReason: text } }),
    prisma.deviceFirmwareUpdate.updateMany({
      where: { id: { in: open.map((u) => u.id) } },
      data: { state: "failed", detail: `cancelled: package flagged (${text})`, updatedAt: new Date() },
    }),
  ]);
  for (const u of open) await clearOtaCommand(u.deviceId);
  if (opts.audit) {
    await recordAudit([
      {
        ...opts.audit,
        action: "firmware.flag",
        detail: { packageId, deviceType: pkg.deviceType, version: pkg.version, reason: text, cancelledUpdates: open.length },
      },
    ]);
  }
  return { cancelledUpdates: open.length };
}

export async function unflagPackage(packageId: string, opts: { audit?: AuditBy } = {}): Promise<void> {
  const pkg = await existing(packageId);
  if (!pkg.flaggedAt) return;
  const prisma = await getPrisma();
  await prisma.firmwarePackage.update({ where: { id: packageId }, data: { flaggedAt: null, flagReason: null } });
  if (opts.audit)
    await recordAudit([
      { ...opts.audit, action: "firmware.unflag", detail: { packageId, deviceType: pkg.deviceType, version: pkg.version } },
    ]);
}
