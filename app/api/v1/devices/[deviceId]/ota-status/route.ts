// POST /api/v1/devices/{id}/ota-status: a device reports the progress of a firmware update over HTTP,
// the same report it may publish to devices/{id}/ota/status: {updateId, state, detail?, version?}.
// Device authentication (Authorization: Bearer <device secret>). 200 {ok}, 400 invalid report,
// 404 no such update for this device, 409 a transition that is not allowed.
import { deviceRoute } from "@/lib/http/device-route";
import { Refusal } from "@/lib/errors/refusal";
import { handleOtaStatus } from "@/lib/firmware/handle-ota-status";

export const dynamic = "force-dynamic";

export const POST = deviceRoute(async ({ device, body }) => {
  const r = await handleOtaStatus(device.id, body);
  if (r.ok) return Response.json({ ok: true });
  throw new Refusal(r.kind ?? "invalid", r.error);
});
