// The embedded broker with everything on the main event loop (MQTT_TRANSPORT=inline): aedes, the
// sockets, parsing, validation and the writes. A telemetry publish is ingested inside authorizePublish,
// so the QoS 1 PUBACK is sent only after the frame is durably written.
import "server-only";
import { Aedes, type AedesOptions } from "aedes";
import {
  authError,
  authorizeDeviceSubscribe,
  connectRequestOf,
  dropDeviceConnection,
  openListeners,
  platformPublish,
  type ListenOptions,
  type Log,
} from "./broker-net";
import { decideConnect, onRightsWithdrawn } from "./device-gate";
import { publishOutcomes } from "./publish-outcomes";
import { routePublish } from "./publish-route";
import { drainIngest } from "./accept-telemetry";
import type { EmbeddedBroker } from "./embedded-broker-types";

function brokerHandlers(log: Log, maxBodyBytes: number): Pick<AedesOptions, "authenticate" | "authorizePublish" | "authorizeSubscribe"> {
  const outcomes = publishOutcomes(log);
  return {
    authenticate(client, username, password, done) {
      const req = connectRequestOf(client, username, password);
      void decideConnect(req, log).then((d) => (d.ok ? done(null, true) : done(authError(d.message, d.code), false)));
    },

    authorizePublish(client, packet, callback) {
      const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
      const clientId = client?.id ?? null;
      const route = routePublish(clientId, packet.topic, payload.length, maxBodyBytes);
      if (clientId === null || route.kind === "foreign") return callback(outcomes.foreign(clientId, packet.topic, payload));
      if (route.kind === "ota_status") return void outcomes.otaStatus(clientId, payload).then(callback);
      if (route.kind === "sightings") return void outcomes.sightings(clientId, packet.topic, payload).then(callback);
      if (route.kind === "too_large") return callback(outcomes.tooLarge(clientId, packet.topic, payload, route.limit));
      void outcomes.telemetry(clientId, packet.topic, route.childId, payload, null).then(callback);
    },

    authorizeSubscribe: authorizeDeviceSubscribe(log),
  };
}

export async function startInlineBroker(opts: ListenOptions, log: Log, maxBodyBytes: number): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker({ ...brokerHandlers(log, maxBodyBytes), heartbeatInterval: 60_000 });
  const listeners = await openListeners(broker.handle, opts, log);

  const unsubscribe = onRightsWithdrawn((deviceId, change) => dropDeviceConnection(broker, deviceId, change, log));

  return {
    port: listeners.port,
    tlsPort: listeners.tlsPort,
    url: listeners.url,
    transport: "inline",
    publish(topic, payload, o = {}) {
      return new Promise<void>((resolve, reject) =>
        platformPublish(broker, topic, payload, o.retain ?? false, (err) => (err ? reject(err) : resolve())),
      );
    },
    async close() {
      unsubscribe();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await listeners.close();
      // Frames already handed to the writer finish writing; their PUBACKs cannot reach the closed
      // connections, so devices resend them after the restart and they count as duplicates.
      await drainIngest();
    },
  };
}
