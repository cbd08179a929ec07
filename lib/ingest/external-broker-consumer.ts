// Ingest from an external MQTT broker (MQTT_URL: Mosquitto, EMQX). The broker authenticates devices
// and restricts their topics; the app consumes telemetry through an MQTT 5 shared subscription so
// several app nodes split the load, and acknowledges each message only after it is durably written.
import "server-only";
import mqtt from "mqtt";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { acceptTelemetry } from "./accept-telemetry";
import { deviceIdOfTelemetryTopic } from "./mqtt-topics";

export const SHARED_GROUP = "iomt-ingest";

export async function startExternalConsumer(opts: { url: string; username?: string; password?: string; log: (level: "info" | "warn", msg: string) => void }) {
  const client = await mqtt.connectAsync(opts.url, {
    protocolVersion: 5,
    clientId: `iomt-app-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    username: opts.username,
    password: opts.password,
    clean: false,
    properties: { sessionExpiryInterval: 300 },
    reconnectPeriod: 2000,
  });

  // mqtt.js sends the PUBACK when this callback is called: after the write, or not at all on failure
  // (the connection is closed and the broker redelivers).
  client.handleMessage = (packet, done) => {
    const deviceId = deviceIdOfTelemetryTopic(packet.topic);
    if (!deviceId) return done();
    deviceDirectory()
      .then((d) => d.get(deviceId))
      .then(async (device) => {
        if (!device || device.status !== "active") {
          opts.log("warn", `[mqtt] message on ${packet.topic} from an unknown or revoked device was dropped`);
          return done();
        }
        const result = await acceptTelemetry(device, packet.payload as Buffer);
        if (!result.ok) opts.log("warn", `[mqtt] rejected frame from "${deviceId}": ${result.error}`);
        done();
      })
      .catch((err: Error) => {
        opts.log("warn", `[mqtt] frame on ${packet.topic} not stored (${err.message}); reconnecting so the broker redelivers it`);
        client.stream.destroy();
      });
  };

  await client.subscribeAsync(`$share/${SHARED_GROUP}/devices/+/telemetry`, { qos: 1 });
  opts.log("info", `[mqtt] consuming devices/+/telemetry from ${opts.url} (shared subscription group "${SHARED_GROUP}")`);
  return { close: () => client.endAsync() };
}
