// BLE sightings over HTTPS (asset map): a ble_gateway posts {seq, ts, sightings: [{tag, rssi}]} or an array
// of them with its own secret. 202 {accepted, duplicates, sightings, unknownTags} once the batches' claims
// are stored (idempotent by seq); 400 naming the field (quarantined); 403 for a device that is not a gateway.
import { deviceRoute } from "@/lib/http/device-route";
import { Refusal } from "@/lib/errors/refusal";
import { acceptSightings } from "@/lib/asset-tracking/accept-sightings";
import { getRejectionLog } from "@/lib/ingest/rejection-log";
import { countIngest } from "@/lib/ingest/ingest-counters";

export const dynamic = "force-dynamic";

export const POST = deviceRoute(async ({ device, body }) => {
  const r = await acceptSightings(device, body);
  if (r.ok)
    return Response.json(
      { accepted: r.accepted, duplicates: r.duplicates, sightings: r.sightings, unknownTags: r.unknownTags },
      { status: 202 },
    );
  countIngest("http", "invalid");
  void getRejectionLog().then((log) =>
    log.record({ deviceId: device.id, transport: "http", topic: null, reason: r.error, payload: Buffer.from(body) }),
  );
  throw new Refusal(r.kind, r.error, { issues: r.issues });
});
