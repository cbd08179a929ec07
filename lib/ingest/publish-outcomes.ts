// What a device's MQTT publish leads to on the main thread, per route (publish-route.ts): stored,
// quarantined, counted, logged. Each returns null to acknowledge the publish (PUBACK) or the error that
// closes the connection without one. MQTT 3.1.1 has no negative acknowledgement, so:
// - invalid or oversized payloads are acknowledged (resending cannot fix them), quarantined, counted, logged;
// - over the device's rate limit, a full ingest buffer or a failed write: no PUBACK, the connection is
//   closed, the device reconnects after its back-off and resends (seq makes that safe);
// - a publish to a foreign topic closes the connection and is quarantined.
import "server-only";
import { handleOtaStatus } from "@/lib/firmware/handle-ota-status";
import { IngestBusyError } from "@/lib/store/observation-writer";
import { acceptParsedTelemetry } from "./accept-telemetry";
import type { Log } from "./broker-net";
import { activeDevice } from "./device-gate";
import type { FrameValidation } from "./frame-schema";
import { countIngest } from "./ingest-counters";
import { getRejectionLog } from "./rejection-log";
import { handleSightingsPublish } from "./sightings-publish";
import { ThrottledLog } from "./throttled-log";

/** A body the broker's worker thread already parsed, with the gateway flag it parsed it for. */
export type PreParsed = { gateway: boolean; result: FrameValidation };

export type PublishOutcomes = ReturnType<typeof publishOutcomes>;

function quarantine(deviceId: string | null, topic: string, reason: string, payload: Buffer): void {
  void getRejectionLog().then((q) => q.record({ deviceId, transport: "mqtt", topic, reason, payload }));
}

export function publishOutcomes(log: Log) {
  const throttled = new ThrottledLog((msg) => log("warn", msg));
  return {
    foreign(deviceId: string | null, topic: string, payload: Buffer): Error {
      throttled.log(`topic:${deviceId ?? undefined}`, `[mqtt] device "${deviceId ?? undefined}" may not publish to "${topic}"`);
      countIngest("mqtt", "unauthorized");
      quarantine(deviceId, topic, `may not publish to "${topic}" (connection closed)`, payload);
      return new Error(`not authorized to publish to ${topic}`);
    },

    tooLarge(deviceId: string, topic: string, payload: Buffer, limit: number): null {
      countIngest("mqtt", "too_large");
      quarantine(deviceId, topic, `payload of ${payload.length} bytes is over the limit of ${limit} bytes`, payload);
      throttled.log(`size:${deviceId}`, `[mqtt] refused a payload of ${payload.length} bytes from "${deviceId}" (limit ${limit})`);
      return null;
    },

    /** A firmware progress report: recorded, acknowledged; a report that cannot apply is logged. */
    async otaStatus(deviceId: string, payload: Buffer): Promise<Error | null> {
      try {
        const r = await handleOtaStatus(deviceId, payload);
        if (!r.ok) throttled.log(`ota:${deviceId}`, `[mqtt] OTA status from "${deviceId}" refused: ${r.error}`);
        return null;
      } catch (err) {
        return err as Error;
      }
    },

    sightings(deviceId: string, topic: string, payload: Buffer): Promise<Error | null> {
      return new Promise((resolve) => handleSightingsPublish(deviceId, topic, payload, throttled, (err) => resolve(err)));
    },

    /** Resolves only once the frame is durably written (or refused for good): then the PUBACK may go. */
    async telemetry(
      deviceId: string,
      topic: string,
      childId: string | null,
      payload: Buffer,
      preParsed: PreParsed | null,
    ): Promise<Error | null> {
      try {
        const device = await activeDevice(deviceId);
        if (!device) throw new Error("device no longer active");
        const result = await acceptParsedTelemetry(device, payload, preParsed, {
          transport: "mqtt",
          topic,
          ...(childId ? { childId } : {}),
        });
        if (result.ok) return null;
        if (result.kind === "rate_limited") {
          // Not acknowledged and the connection closed, so the device backs off (its reconnect delay) and resends.
          throttled.log(
            `rate:${deviceId}`,
            `[mqtt] "${deviceId}" is over the rate limit; connection closed without acknowledging, the device resends (${result.error})`,
          );
          return new Error(result.error);
        }
        // An invalid frame can never become valid: acknowledged (so the device does not retry forever),
        // quarantined with its reason, counted and logged.
        throttled.log(`invalid:${deviceId}`, `[mqtt] rejected frame from "${deviceId}": ${result.error}`);
        return null;
      } catch (e) {
        const err = e as Error;
        countIngest("mqtt", err instanceof IngestBusyError ? "busy" : "not_stored");
        throttled.log(`fail:${deviceId}`, `[mqtt] frame from "${deviceId}" not stored, connection closed so it is resent: ${err.message}`);
        return err;
      }
    },
  };
}
