// POST /api/v1/devices/{id}/rotate-secret (admin, biomed): a new device secret, shown once; the old
// one stops working and the device's live connections are dropped at once.
import { z } from "zod";
import { rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { registryRoute } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

export const POST = registryRoute({ params: z.object({ deviceId: z.string().min(1).max(100) }) }, async ({ principal, params, meta }) => {
  const secret = await rotateDeviceSecret(params.deviceId, { audit: { actor: principal, meta } });
  return { id: params.deviceId, secret };
});
