// Delivers OTA commands to devices through the installed publisher (see ota-publisher.ts). Without a
// publisher (the CLI running on its own) updates stay "pending"; deliverPendingOta() sends them once
// the app's MQTT side is up. Terminal states clear the device's retained command.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { env } from "@/lib/env";
import { buildOtaCommand, firmwareDownloadUrl, otaTopic } from "./ota-command";
import { getOtaPublisher, type OtaPublisher } from "./ota-publisher";

export type DeliveryResult = { delivered: true } | { delivered: false; error: string };

type PackageForOta = { id: string; version: string; sha256: string; signature: string; sizeBytes: number };

export function firmwareBaseUrl(): string {
  const e = env();
  return e.FIRMWARE_BASE_URL ?? `http://localhost:${e.PORT}`;
}

export async function deliverOta(
  update: { id: string; deviceId: string },
  pkg: PackageForOta,
  opts: { publisher?: OtaPublisher | null; baseUrl?: string } = {},
): Promise<DeliveryResult> {
  const publisher = opts.publisher === undefined ? getOtaPublisher() : opts.publisher;
  if (!publisher)
    return { delivered: false, error: "no MQTT publisher in this process; the update stays pending until the app delivers it" };
  const url = firmwareDownloadUrl(opts.baseUrl ?? firmwareBaseUrl(), pkg.id, update.deviceId);
  try {
    await publisher(otaTopic(update.deviceId), JSON.stringify(buildOtaCommand(update, pkg, url)));
    return { delivered: true };
  } catch (err) {
    return { delivered: false, error: `publish failed: ${(err as Error).message}` };
  }
}

/** Clears a device's retained OTA command (best effort). */
export async function clearOtaCommand(deviceId: string, publisher: OtaPublisher | null = getOtaPublisher()): Promise<void> {
  if (!publisher) return;
  try {
    await publisher(otaTopic(deviceId), "");
  } catch (err) {
    console.warn(`[firmware] could not clear the OTA command of ${deviceId}: ${(err as Error).message}`);
  }
}

/** Re-sends the newest pending update of every active device (call once the MQTT side is up). */
export async function deliverPendingOta(
  opts: { publisher?: OtaPublisher | null; baseUrl?: string } = {},
): Promise<{ delivered: number; failed: number }> {
  const prisma = await getPrisma();
  const pending = await prisma.deviceFirmwareUpdate.findMany({
    where: { state: "pending", device: { status: "active" }, package: { flaggedAt: null } },
    orderBy: [{ deviceId: "asc" }, { createdAt: "desc" }],
    select: { id: true, deviceId: true, package: { select: { id: true, version: true, sha256: true, signature: true, sizeBytes: true } } },
  });
  const seen = new Set<string>();
  let delivered = 0;
  let failed = 0;
  for (const u of pending) {
    if (seen.has(u.deviceId)) continue;
    seen.add(u.deviceId);
    const r = await deliverOta(u, u.package, opts);
    if (r.delivered) delivered++;
    else failed++;
  }
  return { delivered, failed };
}
