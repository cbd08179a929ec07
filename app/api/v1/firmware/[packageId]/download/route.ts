// GET /api/v1/firmware/{packageId}/download?device=<id>: the package bytes for a DEVICE that has an
// update for it (Authorization: Bearer <device secret>). Headers carry X-Firmware-Sha256 and
// X-Firmware-Signature; the device checks both before installing.
import { deviceDownloadRoute } from "@/lib/http/device-route";
import { firmwareDownload } from "@/lib/firmware/firmware-download";

export const dynamic = "force-dynamic";

export const GET = deviceDownloadRoute<{ packageId: string }>(({ device, params }) => firmwareDownload(device.id, params.packageId));
