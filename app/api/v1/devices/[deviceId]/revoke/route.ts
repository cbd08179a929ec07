// POST /api/v1/devices/{id}/revoke (admin, biomed): the device may no longer connect or send; its
// live connections are dropped at once and its open firmware updates are cancelled.
import { z } from "zod";
import { revokeDevice } from "@/lib/devices/manage-devices";
import { registryRoute } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

export const POST = registryRoute({ params: z.object({ deviceId: z.string().min(1).max(100) }) }, async ({ principal, params, meta }) => {
  const r = await revokeDevice(params.deviceId, { audit: { actor: principal, meta } });
  return { id: r.id, revokedAt: r.revokedAt.toISOString() };
});
