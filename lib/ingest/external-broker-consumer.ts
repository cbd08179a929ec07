// Ingest from an external MQTT broker (MQTT_URL: Mosquitto, EMQX). The broker authenticates devices
// and restricts their topics; the app consumes telemetry through an MQTT 5 shared subscription so
// several app nodes split the load, and acknowledges each message only after it is durably written.
//
// Sessions: with MQTT_CLIENT_ID (one per node) the session outlives a crash and the broker redelivers
// what was in flight when the node returns. Without it the id is random and the session short. A clean
// close unsubscribes first (the group stops sending to this node), finishes the messages in hand, and
// ends the session, so no messages queue for a node that is gone.
import "server-only";
import mqtt from "mqtt";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { env } from "@/lib/env";
import { IngestBusyError } from "@/lib/store/observation-writer";
import { acceptTelemetry, drainIngest } from "./accept-telemetry";
import { countIngest } from "./ingest-counters";
import { gatewayOfSightingsTopic, parseTelemetryTopic, TELEMETRY_FILTERS } from "./mqtt-topics";
import { handleSightingsPublish } from "./sightings-publish";
import { getRejectionLog } from "./rejection-log";
import { ThrottledLog } from "./throttled-log";

export const SHARED_GROUP = "iomt-ingest";

type ConsumerOptions = {
  url: string;
  username?: string;
  password?: string;
  clientId?: string;
  /** Shared-subscription group (default "iomt-ingest"); tests use their own so runs do not split each other's stream. */
  group?: string;
  log: (level: "info" | "warn", msg: string) => void;
};

export async function startExternalConsumer(opts: ConsumerOptions) {
  const stableId = opts.clientId ?? env().MQTT_CLIENT_ID;
  const client = await mqtt.connectAsync(opts.url, {
    protocolVersion: 5,
    clientId: stableId ?? `iomt-app-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    username: opts.username,
    password: opts.password,
    clean: false,
    properties: { sessionExpiryInterval: stableId ? 300 : 60 },
    reconnectPeriod: 2000,
  });

  const throttled = new ThrottledLog((msg) => opts.log("warn", msg));
  const quarantine = (deviceId: string | null, topic: string, reason: string, payload: Buffer) =>
    void getRejectionLog().then((q) => q.record({ deviceId, transport: "mqtt", topic, reason, payload }));
  let inHand = 0;

  // mqtt.js sends the PUBACK when `done` is called: after the write, or not at all on failure
  // (the connection is closed and the broker redelivers).
  client.handleMessage = (packet, done) => {
    const topic = parseTelemetryTopic(packet.topic);
    const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
    const gatewayId = gatewayOfSightingsTopic(packet.topic);
    if (gatewayId) {
      inHand++;
      return handleSightingsPublish(gatewayId, packet.topic, payload, throttled, (err) => {
        inHand--;
        if (err) client.stream.destroy();
        else done();
      });
    }
    if (!topic) return done();
    const deviceId = topic.deviceId;
    const limit = env().INGEST_MAX_BODY_BYTES;
    if (payload.length > limit) {
      countIngest("mqtt", "too_large");
      quarantine(deviceId, packet.topic, `payload of ${payload.length} bytes is over the limit of ${limit} bytes`, payload);
      throttled.log(`size:${deviceId}`, `[mqtt] refused a payload of ${payload.length} bytes on ${packet.topic} (limit ${limit})`);
      return done();
    }
    inHand++;
    deviceDirectory()
      .then((d) => d.get(deviceId))
      .then(async (device) => {
        if (!device || device.status !== "active") {
          countIngest("mqtt", "unauthorized");
          quarantine(deviceId, packet.topic, "unknown or revoked device (the broker let it publish)", payload);
          throttled.log(`unknown:${deviceId}`, `[mqtt] message on ${packet.topic} from an unknown or revoked device was quarantined`);
          return done();
        }
        // Per-device rate limits belong to the broker here (it acknowledged the device already); the
        // consumer never holds back or drops a message for a device's rate.
        const result = await acceptTelemetry(device, payload, {
          transport: "mqtt",
          topic: packet.topic,
          rateLimit: false,
          ...(topic.childId ? { childId: topic.childId } : {}),
        });
        if (!result.ok) throttled.log(`invalid:${deviceId}`, `[mqtt] rejected frame from "${deviceId}": ${result.error}`);
        done();
      })
      .catch((err: Error) => {
        countIngest("mqtt", err instanceof IngestBusyError ? "busy" : "not_stored");
        throttled.log(
          `fail:${deviceId}`,
          `[mqtt] frame on ${packet.topic} not stored (${err.message}); reconnecting so the broker redelivers it`,
        );
        client.stream.destroy();
      })
      .finally(() => inHand--);
  };

  const group = opts.group ?? SHARED_GROUP;
  const filters = TELEMETRY_FILTERS.map((f) => `$share/${group}/${f}`);
  await client.subscribeAsync(filters, { qos: 1 });
  opts.log("info", `[mqtt] consuming ${TELEMETRY_FILTERS.join(", ")} from ${opts.url} (shared subscription group "${group}")`);
  return {
    async close() {
      await client.unsubscribeAsync(filters).catch(() => undefined);
      const until = Date.now() + 5000;
      while (inHand > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await drainIngest();
      await client.endAsync(false, { properties: { sessionExpiryInterval: 0 } });
    },
  };
}
