// The embedded broker's listeners (plain MQTT, MQTT over TLS) and the small pieces of MQTT connect
// handling that need no database; used on the main thread (inline) and in the broker's worker thread.
import net from "node:net";
import tls from "node:tls";
import type { Aedes, AedesOptions, AuthenticateError } from "aedes";

export type BrokerTls = {
  cert: string;
  key: string;
  /** CA trusted for device certificates (the platform CA). */
  clientCa: string;
  port: number;
  /** Device certificates: not asked for, accepted when presented, or required. */
  clientCerts: "off" | "optional" | "required";
};

export type Log = (level: "info" | "warn", msg: string) => void;

/** The device id a verified client certificate names (its CN), or null without one. */
export function certificateIdentity(conn: unknown): string | null {
  if (!(conn instanceof tls.TLSSocket) || !conn.authorized) return null;
  const cn = conn.getPeerCertificate()?.subject?.CN;
  return typeof cn === "string" ? cn : Array.isArray(cn) ? (cn[0] ?? null) : null;
}

/** What a device's CONNECT asks the device gate (lib/ingest/device-gate.ts), on either thread. */
export type ConnectRequest = {
  clientId: string;
  username: string | null;
  password: string | undefined;
  /** The device id of a verified client certificate (mutual TLS), or null. */
  certified: string | null;
};

export function connectRequestOf(client: { id: string; conn: unknown }, username?: string, password?: Buffer): ConnectRequest {
  return {
    clientId: client.id,
    username: username ?? null,
    password: password?.toString("utf8"),
    certified: certificateIdentity(client.conn),
  };
}

/** A device may subscribe only under its own devices/{id}/ prefix (OTA commands, config). */
export function authorizeDeviceSubscribe(log: Log): NonNullable<AedesOptions["authorizeSubscribe"]> {
  return (client, sub, callback) => {
    if (sub.topic.startsWith(`devices/${client.id}/`)) return callback(null, sub);
    log("warn", `[mqtt] device "${client.id}" may not subscribe to "${sub.topic}"`);
    callback(new Error(`not authorized to subscribe to ${sub.topic}`));
  };
}

/** Closes a device's connection at once (its rights were withdrawn), if it is connected. */
export function dropDeviceConnection(broker: Aedes, deviceId: string, change: string, log: Log): void {
  const clients = (broker as unknown as { clients: Record<string, { close(): void } | undefined> }).clients;
  const client = clients[deviceId];
  if (!client) return;
  client.close();
  log("info", `[mqtt] dropped connection of device "${deviceId}" (${change})`);
}

/** A QoS 1 publish from the platform itself (OTA commands). */
export function platformPublish(broker: Aedes, topic: string, payload: string, retain: boolean, done: (err?: Error) => void): void {
  broker.publish({ cmd: "publish", topic, payload: Buffer.from(payload), qos: 1, retain, dup: false }, done);
}

/** MQTT CONNACK refusals: 3 server unavailable, 4 bad username or password, 5 not authorized. */
export type RefusalCode = 3 | 4 | 5;

/** aedes types returnCode as a const enum, which isolated modules cannot name; the numbers are MQTT's. */
export function authError(message: string, returnCode: RefusalCode): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: returnCode as AuthenticateError["returnCode"] });
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

export type ListenOptions = { port: number; host: string; tlsHost: string; tls?: BrokerTls };

export type Listeners = { port: number; tlsPort: number | null; url: string; close(): Promise<void> };

/** Listens for MQTT on the plain port (a free one if taken) and, with TLS, on the TLS port. */
export async function openListeners(handle: (socket: net.Socket) => void, opts: ListenOptions, log: Log): Promise<Listeners> {
  const server = net.createServer(handle);
  let port: number;
  try {
    port = await listen(server, opts.port, opts.host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    port = await listen(server, 0, opts.host);
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
      handle,
    );
    tlsPort = await listen(tlsServer, t.port, opts.tlsHost);
  }
  const host = opts.host;
  return {
    port,
    tlsPort,
    url: `mqtt://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (tlsServer) await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    },
  };
}
