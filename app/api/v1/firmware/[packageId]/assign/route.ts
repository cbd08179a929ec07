// POST /api/v1/firmware/{packageId}/assign (admin, biomed): {deviceIds: [...]} or {allOutdated: true}.
// Creates a pending update per device (devices of the package's type only) and sends each an OTA
// command on devices/{id}/ota. 201 {package, updates, delivered, undelivered}.
import { z } from "zod";
import { assignFirmware } from "@/lib/firmware/assign-firmware";
import { registryRoute } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ deviceIds: z.array(z.string().min(1).max(100)).min(1).max(5000) }).strict(),
  z.object({ allOutdated: z.literal(true) }).strict(),
]);

export const POST = registryRoute(
  { params: z.object({ packageId: z.string().min(1).max(64) }), body: bodySchema },
  async ({ principal, params, body: target, meta }) => {
    const result = await assignFirmware(params.packageId, target, { audit: { actor: principal, meta } });
    return Response.json(result, { status: 201 });
  },
);
