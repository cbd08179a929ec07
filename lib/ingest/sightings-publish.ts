// The MQTT topic handler for BLE sightings (devices/{gatewayId}/sightings, QoS 1), shared by the embedded
// broker and the external-broker consumer: the acknowledgement is given only after the batches' (gateway,
// seq) claims are committed (lib/asset-tracking acceptSightings). An invalid body, or sightings from a
// device that is not a ble_gateway, is acknowledged (resending cannot fix it), quarantined, counted and
// logged; a failure to store is not acknowledged, so the gateway resends (idempotent by seq).
import "server-only";
import { acceptSightings } from "@/lib/asset-tracking/accept-sightings";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { env } from "@/lib/env";
import { countIngest } from "./ingest-counters";
import { getRejectionLog } from "./rejection-log";
import type { ThrottledLog } from "./throttled-log";

export function handleSightingsPublish(
  gatewayId: string,
  topic: string,
  payload: Buffer,
  throttled: ThrottledLog,
  callback: (err: Error | null) => void,
): void {
  const quarantine = (reason: string) =>
    void getRejectionLog().then((q) => q.record({ deviceId: gatewayId, transport: "mqtt", topic, reason, payload }));
  const limit = env().INGEST_MAX_BODY_BYTES;
  if (payload.length > limit) {
    countIngest("mqtt", "too_large");
    quarantine(`payload of ${payload.length} bytes is over the limit of ${limit} bytes`);
    return callback(null);
  }
  deviceDirectory()
    .then((d) => d.get(gatewayId))
    .then(async (device) => {
      if (!device || device.status !== "active") {
        quarantine("unknown or revoked device");
        return callback(null);
      }
      const r = await acceptSightings(device, payload);
      if (!r.ok) {
        countIngest("mqtt", "invalid");
        quarantine(r.error);
        throttled.log(`sightings:${gatewayId}`, `[mqtt] rejected sightings from "${gatewayId}": ${r.error}`);
      }
      callback(null);
    })
    .catch((err: Error) => {
      countIngest("mqtt", "not_stored");
      throttled.log(`sightings-fail:${gatewayId}`, `[mqtt] sightings from "${gatewayId}" not stored, not acknowledged: ${err.message}`);
      callback(err);
    });
}
