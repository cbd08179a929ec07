// The embedded MQTT broker (aedes), used when MQTT_URL is unset. Devices authenticate with their id
// and secret, may publish only to their own telemetry topic (a gateway also to
// devices/{id}/children/{child}/telemetry) and subscribe only under their own devices/{id}/ prefix.
// A telemetry publish is ingested inside authorizePublish, so the QoS 1 PUBACK is sent only after the
// frame is durably written. MQTT 3.1.1 has no negative acknowledgement, so:
// - invalid or oversized payloads are acknowledged (resending cannot fix them), quarantined, counted, logged;
// - over the device's rate limit, a full ingest buffer or a failed write: no PUBACK, the connection is
//   closed, the device reconnects after its back-off and resends (seq makes that safe);
// - a publish to a foreign topic closes the connection and is quarantined.
// Revoking a device drops its connection at once. close() drains what was handed to the writer.
// Transport: the plain port listens on `host` (MQTT_BIND, loopback by default); with TLS a second
// listener speaks MQTT over TLS (MQTTS_PORT) with the server certificate, and a device may present a
// certificate from the platform CA instead of its secret (mutual TLS): its CN must be its device id,
// which must also be its client id and username.
import "server-only";
import net from "node:net";
import tls from "node:tls";
import { Aedes, type AedesOptions, type AuthenticateError } from "aedes";
import { eventBus } from "@/lib/bus/event-bus";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { handleOtaStatus } from "@/lib/firmware/handle-ota-status";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { env } from "@/lib/env";
import { IngestBusyError } from "@/lib/store/observation-writer";
import { acceptTelemetry, drainIngest } from "./accept-telemetry";
import { countIngest } from "./ingest-counters";
import { otaStatusTopic, parseTelemetryTopic, sightingsTopic } from "./mqtt-topics";
import { handleSightingsPublish } from "./sightings-publish";
import { getRejectionLog } from "./rejection-log";
import { ThrottledLog } from "./throttled-log";

export type EmbeddedBroker = {
  port: number;
  /** MQTT over TLS port, when TLS is configured. */
  tlsPort: number | null;
  url: string;
  /** Publishes from the platform itself (OTA commands), QoS 1. */
  publish(topic: string, payload: string, opts?: { retain?: boolean }): Promise<void>;
  close(): Promise<void>;
};

type Log = (level: "info" | "warn", msg: string) => void;

export type BrokerTls = {
  cert: string;
  key: string;
  /** CA trusted for device certificates (the platform CA). */
  clientCa: string;
  port: number;
  /** Device certificates: not asked for, accepted when presented, or required. */
  clientCerts: "off" | "optional" | "required";
};

/** The device id a verified client certificate names (its CN), or null without one. */
function certificateIdentity(conn: unknown): string | null {
  if (!(conn instanceof tls.TLSSocket) || !conn.authorized) return null;
  const cn = conn.getPeerCertificate()?.subject?.CN;
  return typeof cn === "string" ? cn : Array.isArray(cn) ? (cn[0] ?? null) : null;
}

/** aedes types returnCode as a const enum, which isolated modules cannot name; the numbers are MQTT's. */
function authError(message: string, returnCode: 3 | 4 | 5): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: returnCode as AuthenticateError["returnCode"] });
}

function quarantine(deviceId: string | null, topic: string, reason: string, payload: Buffer): void {
  void getRejectionLog().then((q) => q.record({ deviceId, transport: "mqtt", topic, reason, payload }));
}

function brokerHandlers(log: Log): Pick<AedesOptions, "authenticate" | "authorizePublish" | "authorizeSubscribe"> {
  const throttled = new ThrottledLog((msg) => log("warn", msg));
  return {
    authenticate(client, username, password, done) {
      const deviceId = username ?? "";
      if (client.id !== deviceId) {
        log("warn", `[mqtt] refused client "${client.id}": client id must equal the device id (username)`);
        return done(authError("client id must equal the device id", 5), false);
      }
      const certified = certificateIdentity(client.conn);
      if (certified !== null) {
        if (certified !== deviceId) {
          log("warn", `[mqtt] refused client "${client.id}": its certificate is for device "${certified}"`);
          return done(authError("certificate CN must equal the device id", 5), false);
        }
        deviceDirectory()
          .then((d) => d.get(deviceId))
          .then(
            (device) => {
              if (device?.status === "active") return done(null, true);
              log("warn", `[mqtt] refused device "${deviceId}" (certificate): ${device ? "revoked" : "unknown device"}`);
              done(authError(device ? "device revoked" : "unknown device", 5), false);
            },
            (err: Error) => done(authError(`authentication unavailable: ${err.message}`, 3), false),
          );
        return;
      }
      authenticateDevice(deviceId, password?.toString("utf8")).then(
        (r) => {
          if (r.ok) return done(null, true);
          log("warn", `[mqtt] refused device "${deviceId}": ${r.reason.replace("_", " ")}`);
          done(authError(r.reason === "revoked" ? "device revoked" : "bad username or password", r.reason === "revoked" ? 5 : 4), false);
        },
        // 3 = server unavailable: the database cannot be reached; the device retries later.
        (err: Error) => done(authError(`authentication unavailable: ${err.message}`, 3), false),
      );
    },

    authorizePublish(client, packet, callback) {
      const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
      if (client && packet.topic === otaStatusTopic(client.id)) {
        // A firmware progress report: recorded, acknowledged; a report that cannot apply is logged.
        handleOtaStatus(client.id, payload).then(
          (r) => {
            if (!r.ok) throttled.log(`ota:${client.id}`, `[mqtt] OTA status from "${client.id}" refused: ${r.error}`);
            callback(null);
          },
          (err: Error) => callback(err),
        );
        return;
      }
      if (client && packet.topic === sightingsTopic(client.id))
        return handleSightingsPublish(client.id, packet.topic, payload, throttled, callback);
      const topic = client ? parseTelemetryTopic(packet.topic) : null;
      if (!client || !topic || topic.deviceId !== client.id) {
        throttled.log(`topic:${client?.id}`, `[mqtt] device "${client?.id}" may not publish to "${packet.topic}"`);
        countIngest("mqtt", "unauthorized");
        quarantine(client?.id ?? null, packet.topic, `may not publish to "${packet.topic}" (connection closed)`, payload);
        return callback(new Error(`not authorized to publish to ${packet.topic}`));
      }
      const deviceId = client.id;
      const limit = env().INGEST_MAX_BODY_BYTES;
      if (payload.length > limit) {
        // Resending cannot make it smaller: acknowledged, quarantined (truncated), counted and logged.
        countIngest("mqtt", "too_large");
        quarantine(deviceId, packet.topic, `payload of ${payload.length} bytes is over the limit of ${limit} bytes`, payload);
        throttled.log(`size:${deviceId}`, `[mqtt] refused a payload of ${payload.length} bytes from "${deviceId}" (limit ${limit})`);
        return callback(null);
      }
      deviceDirectory()
        .then((directory) => directory.get(deviceId))
        .then(async (device) => {
          if (!device || device.status !== "active") throw new Error("device no longer active");
          const result = await acceptTelemetry(device, payload, {
            transport: "mqtt",
            topic: packet.topic,
            ...(topic.childId ? { childId: topic.childId } : {}),
          });
          if (result.ok) return callback(null);
          if (result.kind === "rate_limited") {
            // MQTT 3.1.1 has no negative acknowledgement: the publish is not acknowledged and the
            // connection is closed, so the device backs off (its reconnect delay) and resends.
            throttled.log(
              `rate:${deviceId}`,
              `[mqtt] "${deviceId}" is over the rate limit; connection closed without acknowledging, the device resends (${result.error})`,
            );
            return callback(new Error(result.error));
          }
          // An invalid frame can never become valid: it is acknowledged (so the device does not retry
          // forever), quarantined with its reason, counted and logged.
          throttled.log(`invalid:${deviceId}`, `[mqtt] rejected frame from "${deviceId}": ${result.error}`);
          callback(null);
        })
        .catch((err: Error) => {
          countIngest("mqtt", err instanceof IngestBusyError ? "busy" : "not_stored");
          throttled.log(
            `fail:${deviceId}`,
            `[mqtt] frame from "${deviceId}" not stored, connection closed so it is resent: ${err.message}`,
          );
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

export async function startEmbeddedBroker(opts: {
  port: number;
  /** Interface of the plain port (default loopback). */
  host?: string;
  /** Interface of the TLS port (default all). */
  tlsHost?: string;
  log?: Log;
  tls?: BrokerTls;
}): Promise<EmbeddedBroker> {
  const log: Log = opts.log ?? ((level, msg) => (level === "warn" ? console.warn(msg) : console.log(msg)));
  const broker = await Aedes.createBroker({ ...brokerHandlers(log), heartbeatInterval: 60_000 });
  const server = net.createServer(broker.handle);
  const host = opts.host ?? "127.0.0.1";
  let port: number;
  try {
    port = await listen(server, opts.port, host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    port = await listen(server, 0, host);
    log("info", `[mqtt] port ${opts.port} is taken; the embedded broker listens on ${port} instead`);
  }
  let tlsServer: tls.Server | null = null;
  let tlsPort: number | null = null;
  if (opts.tls) {
    const t = opts.tls;
    tlsServer = tls.createServer(
      {
        cert: t.cert,
        key: t.key,
        ca: t.clientCa,
        requestCert: t.clientCerts !== "off",
        rejectUnauthorized: t.clientCerts === "required",
        minVersion: "TLSv1.2",
      },
      broker.handle,
    );
    tlsPort = await listen(tlsServer, t.port, opts.tlsHost ?? "0.0.0.0");
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
    tlsPort,
    url: `mqtt://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}`,
    publish(topic, payload, o = {}) {
      return new Promise<void>((resolve, reject) =>
        broker.publish({ cmd: "publish", topic, payload: Buffer.from(payload), qos: 1, retain: o.retain ?? false, dup: false }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    },
    async close() {
      unsubscribe();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (tlsServer) await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
      // Frames already handed to the writer finish writing; their PUBACKs cannot reach the closed
      // connections, so devices resend them after the restart and they count as duplicates.
      await drainIngest();
    },
  };
}
