// The embedded MQTT broker (aedes), used when MQTT_URL is unset. Devices authenticate with their id
// and secret, may publish only to their own telemetry topic and subscribe only under their own
// devices/{id}/ prefix. A telemetry publish is ingested inside authorizePublish, so the QoS 1 PUBACK
// is sent only after the frame is durably written; if the write fails the device is disconnected
// without an ack and resends. Revoking a device drops its connection at once.
import "server-only";
import net from "node:net";
import { Aedes, type AedesOptions } from "aedes";
import { eventBus } from "@/lib/bus/event-bus";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { acceptTelemetry } from "./accept-telemetry";
import { deviceIdOfTelemetryTopic } from "./mqtt-topics";

export type EmbeddedBroker = { port: number; url: string; close(): Promise<void> };

type Log = (level: "info" | "warn", msg: string) => void;

function authError(message: string, returnCode: 4 | 5): Error & { returnCode: number } {
  return Object.assign(new Error(message), { returnCode });
}

function brokerHandlers(log: Log): Pick<AedesOptions, "authenticate" | "authorizePublish" | "authorizeSubscribe"> {
  return {
    authenticate(client, username, password, done) {
      const deviceId = username ?? "";
      if (client.id !== deviceId) {
        log("warn", `[mqtt] refused client "${client.id}": client id must equal the device id (username)`);
        return done(authError("client id must equal the device id", 5) as never, false);
      }
      authenticateDevice(deviceId, password?.toString("utf8")).then(
        (r) => {
          if (r.ok) return done(null, true);
          log("warn", `[mqtt] refused device "${deviceId}": ${r.reason.replace("_", " ")}`);
          done(authError(r.reason === "revoked" ? "device revoked" : "bad username or password", r.reason === "revoked" ? 5 : 4) as never, false);
        },
        (err: Error) => done(authError(`authentication unavailable: ${err.message}`, 5) as never, false),
      );
    },

    authorizePublish(client, packet, callback) {
      const deviceId = client ? deviceIdOfTelemetryTopic(packet.topic) : null;
      if (!client || deviceId !== client.id) {
        log("warn", `[mqtt] device "${client?.id}" may not publish to "${packet.topic}"`);
        return callback(new Error(`not authorized to publish to ${packet.topic}`));
      }
      deviceDirectory()
        .then((directory) => directory.get(deviceId))
        .then(async (device) => {
          if (!device || device.status !== "active") throw new Error("device no longer active");
          const result = await acceptTelemetry(device, packet.payload as Buffer);
          // An invalid frame can never become valid: it is acknowledged (so the device does not retry
          // forever), logged with its reason, and nothing of it is stored.
          if (!result.ok) log("warn", `[mqtt] rejected frame from "${deviceId}": ${result.error}`);
          callback(null);
        })
        .catch((err: Error) => {
          log("warn", `[mqtt] frame from "${deviceId}" not stored, connection closed so it is resent: ${err.message}`);
          callback(err);
        });
    },

    authorizeSubscribe(client, sub, callback) {
      if (sub.topic.startsWith(`devices/${client.id}/`)) return callback(null, sub);
      log("warn", `[mqtt] device "${client.id}" may not subscribe to "${sub.topic}"`);
      callback(new Error(`not authorized to subscribe to ${sub.topic}`));
    },
  };
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off("listening", onListening);
      reject(err);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve((server.address() as net.AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

export async function startEmbeddedBroker(opts: { port: number; host?: string; log?: Log }): Promise<EmbeddedBroker> {
  const log: Log = opts.log ?? ((level, msg) => (level === "warn" ? console.warn(msg) : console.log(msg)));
  const broker = await Aedes.createBroker({ ...brokerHandlers(log), heartbeatInterval: 60_000 });
  const server = net.createServer(broker.handle);
  const host = opts.host ?? "0.0.0.0";
  let port: number;
  try {
    port = await listen(server, opts.port, host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    port = await listen(server, 0, host);
    log("info", `[mqtt] port ${opts.port} is taken; the embedded broker listens on ${port} instead`);
  }

  const unsubscribe = eventBus().subscribe("device:changed", ({ deviceId, change }) => {
    if (change !== "revoked" && change !== "rotated") return;
    const clients = (broker as unknown as { clients: Record<string, { close(): void } | undefined> }).clients;
    const client = clients[deviceId];
    if (client) {
      client.close();
      log("info", `[mqtt] dropped connection of device "${deviceId}" (${change})`);
    }
  });

  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    async close() {
      unsubscribe();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
