// GET /api/v1/firmware/{packageId}/download?device=<id>: the package bytes for a DEVICE that has an
// update for it (Authorization: Bearer <device secret>). Headers carry X-Firmware-Sha256 and
// X-Firmware-Signature; the device checks both before installing.
import type { NextRequest } from "next/server";
import { firmwareDownloadResponse } from "@/lib/firmware/firmware-download";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, route: { params: Promise<{ packageId: string }> }): Promise<Response> {
  return firmwareDownloadResponse(req, (await route.params).packageId);
}
