// Serving a package to a device: the device proves itself with its secret (Authorization: Bearer)
// and names itself with ?device=<id> (the URL in its OTA command) or the X-Device-Id header; it
// must have an update for that package. The answer carries the SHA-256 and signature as headers.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { bearerToken } from "@/lib/auth/load-principal";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { jsonError } from "@/lib/http/api-errors";

export async function firmwareDownloadResponse(req: Request, packageId: string): Promise<Response> {
  const url = new URL(req.url);
  const deviceId = url.searchParams.get("device") ?? req.headers.get("x-device-id") ?? "";
  if (!deviceId) return jsonError(400, "device: name the device with ?device=<id> (as in the OTA command) or X-Device-Id");
  const auth = await authenticateDevice(deviceId, bearerToken(req.headers.get("authorization")) ?? undefined);
  if (!auth.ok) {
    if (auth.reason === "revoked") return jsonError(403, "device is revoked");
    return jsonError(401, "unknown device or wrong secret (send Authorization: Bearer <device secret>)", undefined, { "WWW-Authenticate": "Bearer" });
  }
  const prisma = await getPrisma();
  const update = await prisma.deviceFirmwareUpdate.findFirst({ where: { deviceId, packageId }, select: { id: true } });
  if (!update) return jsonError(403, "this device has no update for this package");
  const pkg = await prisma.firmwarePackage.findUnique({ where: { id: packageId }, select: { content: true, sha256: true, signature: true, version: true, deviceType: true } });
  if (!pkg) return jsonError(404, "firmware package not found");
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
