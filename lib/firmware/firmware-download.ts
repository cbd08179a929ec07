// Serving a package to a device that has an update for it (the device has proven who it is: the route
// wrapper, lib/http/device-route). The answer carries the SHA-256 and signature as headers; the device
// checks both before installing.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";

export async function firmwareDownload(deviceId: string, packageId: string): Promise<Response> {
  const prisma = await getPrisma();
  const update = await prisma.deviceFirmwareUpdate.findFirst({ where: { deviceId, packageId }, select: { id: true } });
  if (!update) throw new Refusal("forbidden", "this device has no update for this package");
  const pkg = await prisma.firmwarePackage.findUnique({
    where: { id: packageId },
    select: { content: true, sha256: true, signature: true, version: true, deviceType: true },
  });
  if (!pkg) throw new Refusal("not_found", "firmware package not found");
  const body = new Uint8Array(pkg.content);
  return new Response(body, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="${pkg.deviceType}-${pkg.version}.bin"`,
      ETag: `"${pkg.sha256}"`,
      "X-Firmware-Version": pkg.version,
      "X-Firmware-Sha256": pkg.sha256,
      "X-Firmware-Signature": pkg.signature,
      "Cache-Control": "private, no-store",
    },
  });
}
