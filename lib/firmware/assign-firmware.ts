// Assigning a package to devices of its type: one DeviceFirmwareUpdate per device (state "pending"),
// superseding any update still open on that device, then an OTA command to devices/{id}/ota.
// Validation is all-or-nothing: an unknown, revoked or wrong-type device refuses the whole request.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditBy } from "@/lib/audit/record-audit";
import { deliverOta } from "./deliver-ota";
import { Refusal } from "@/lib/errors/refusal";
import type { OtaPublisher } from "./ota-publisher";
import { compareVersions } from "./versions";

export type AssignTargetDevices = { deviceIds: string[] } | { allOutdated: true };

export type AssignResult = {
  package: { id: string; deviceType: string; version: string };
  updates: { id: string; deviceId: string; state: "pending" }[];
  delivered: number;
  undelivered: { deviceId: string; error: string }[];
};

const OPEN_STATES = ["pending", "downloading", "verified"] as const;

async function devicesFor(pkg: { id: string; deviceType: string; version: string }, target: AssignTargetDevices): Promise<string[]> {
  const prisma = await getPrisma();
  if ("allOutdated" in target) {
    const [devices, flagged] = await Promise.all([
      prisma.device.findMany({
        where: {
          type: pkg.deviceType,
          status: "active",
          firmwareUpdates: { none: { packageId: pkg.id, state: { in: [...OPEN_STATES] } } },
        },
        select: { id: true, firmwareVersion: true },
        orderBy: { id: "asc" },
      }),
      prisma.firmwarePackage.findMany({ where: { deviceType: pkg.deviceType, flaggedAt: { not: null } }, select: { version: true } }),
    ]);
    const flaggedVersions = new Set(flagged.map((f) => f.version));
    // Older than this package, of unknown version, or on a flagged version.
    return devices
      .filter((d) => !d.firmwareVersion || flaggedVersions.has(d.firmwareVersion) || compareVersions(d.firmwareVersion, pkg.version) < 0)
      .map((d) => d.id);
  }
  const ids = [...new Set(target.deviceIds.map((d) => d.trim()).filter(Boolean))];
  if (ids.length === 0) throw new Refusal("invalid", "name at least one device, or assign to all outdated devices", { field: "devices" });
  const found = new Map(
    (await prisma.device.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, status: true } })).map((d) => [d.id, d]),
  );
  for (const id of ids) {
    const d = found.get(id);
    if (!d) throw new Refusal("invalid", `no device with id "${id}"`, { field: "devices" });
    if (d.status !== "active") throw new Refusal("invalid", `"${id}" is revoked`, { field: "devices" });
    if (d.type !== pkg.deviceType)
      throw new Refusal("invalid", `"${id}" is a ${d.type}; this package is for ${pkg.deviceType} devices only`, { field: "devices" });
  }
  return ids;
}

export async function assignFirmware(
  packageId: string,
  target: AssignTargetDevices,
  opts: { audit?: AuditBy; publisher?: OtaPublisher | null; baseUrl?: string } = {},
): Promise<AssignResult> {
  const prisma = await getPrisma();
  const pkg = await prisma.firmwarePackage.findUnique({
    where: { id: packageId },
    select: {
      id: true,
      deviceType: true,
      version: true,
      sha256: true,
      signature: true,
      sizeBytes: true,
      flaggedAt: true,
      flagReason: true,
    },
  });
  if (!pkg) throw new Refusal("not_found", `no firmware package with id "${packageId}"`, { field: "package" });
  if (pkg.flaggedAt)
    throw new Refusal(
      "conflict",
      `${pkg.deviceType} ${pkg.version} is flagged (${pkg.flagReason ?? "no reason given"}); it cannot be assigned`,
      { field: "package" },
    );
  const deviceIds = await devicesFor(pkg, target);
  const summary = { id: pkg.id, deviceType: pkg.deviceType, version: pkg.version };
  if (deviceIds.length === 0) return { package: summary, updates: [], delivered: 0, undelivered: [] };

  const now = new Date();
  const [, created] = await prisma.$transaction([
    prisma.deviceFirmwareUpdate.updateMany({
      where: { deviceId: { in: deviceIds }, state: { in: [...OPEN_STATES] } },
      data: { state: "failed", detail: `superseded by ${pkg.version} (${pkg.id})`, updatedAt: now },
    }),
    prisma.deviceFirmwareUpdate.createManyAndReturn({
      data: deviceIds.map((deviceId) => ({ deviceId, packageId: pkg.id, state: "pending" as const, createdAt: now, updatedAt: now })),
      select: { id: true, deviceId: true },
    }),
  ]);

  let delivered = 0;
  const undelivered: AssignResult["undelivered"] = [];
  for (const u of created) {
    const r = await deliverOta(u, pkg, { publisher: opts.publisher, baseUrl: opts.baseUrl });
    if (r.delivered) delivered++;
    else undelivered.push({ deviceId: u.deviceId, error: r.error });
  }
  if (opts.audit) {
    await recordAudit([
      {
        ...opts.audit,
        action: "firmware.assign",
        detail: { packageId: pkg.id, deviceType: pkg.deviceType, version: pkg.version, deviceIds, delivered },
      },
    ]);
  }
  return { package: summary, updates: created.map((u) => ({ ...u, state: "pending" as const })), delivered, undelivered };
}
