// The embedded MQTT broker (aedes), used when MQTT_URL is unset. Devices authenticate with their id
// and secret (device-gate.ts), may publish only to their own telemetry topic (a gateway also to
// devices/{id}/children/{child}/telemetry) and subscribe only under their own devices/{id}/ prefix.
// A QoS 1 PUBACK is sent only after the frame is durably written; what each publish leads to is in
// publish-outcomes.ts. Revoking a device drops its connection at once. close() drains what was handed
// to the writer.
// Where it runs (MQTT_TRANSPORT): `worker` puts aedes, the sockets and each body's parse and validation
// on a worker thread (broker-thread/), the main thread keeping the device decisions and the writes;
// `inline` runs everything on the main event loop (inline-broker.ts); `auto` (default) picks the worker
// with PostgreSQL and inline with the embedded database (bench:ingest: the worker frees a quarter of the
// main loop during a flood, but where the whole 2-core machine is the limit it carries fewer frames, and
// the thread costs ~48 MiB, which the embedded demo is sized against).
// Transport: the plain port listens on `host` (MQTT_BIND, loopback by default); with TLS a second
// listener speaks MQTT over TLS (MQTTS_PORT) with the server certificate, and a device may present a
// certificate from the platform CA instead of its secret (mutual TLS): its CN must be its device id,
// which must also be its client id and username.
import "server-only";
import { env } from "@/lib/env";
import type { BrokerTls, Log } from "./broker-net";
import { startInlineBroker } from "./inline-broker";
import { startWorkerBroker } from "./broker-thread/worker-broker";
import type { EmbeddedBroker, MqttTransport } from "./embedded-broker-types";

export type { BrokerTls } from "./broker-net";
export type { EmbeddedBroker, MqttTransport } from "./embedded-broker-types";

/** MQTT_TRANSPORT=auto: the worker thread with PostgreSQL, the main thread with the embedded database. */
export function chooseTransport(setting: MqttTransport | "auto", postgres: boolean): MqttTransport {
  if (setting !== "auto") return setting;
  return postgres ? "worker" : "inline";
}

export async function startEmbeddedBroker(opts: {
  port: number;
  /** Interface of the plain port (default loopback). */
  host?: string;
  /** Interface of the TLS port (default all). */
  tlsHost?: string;
  log?: Log;
  tls?: BrokerTls;
  /** Default: MQTT_TRANSPORT. */
  transport?: MqttTransport;
}): Promise<EmbeddedBroker> {
  const log: Log = opts.log ?? ((level, msg) => (level === "warn" ? console.warn(msg) : console.log(msg)));
  const e = env();
  const listen = { port: opts.port, host: opts.host ?? "127.0.0.1", tlsHost: opts.tlsHost ?? "0.0.0.0", tls: opts.tls };
  let transport = opts.transport ?? chooseTransport(e.MQTT_TRANSPORT, Boolean(e.DATABASE_URL));
  if (transport === "worker" && opts.tls && opts.tls.clientCerts !== "off") {
    // On a worker thread, a device certificate that fails verification can leave an error on the thread's
    // OpenSSL error queue that kills the connection before its secret is checked (the main thread's other
    // crypto work clears it). Until that is solved, device certificates keep the broker on the main thread.
    log("info", "[mqtt] MQTTS with device certificates: the embedded broker runs on the main thread (MQTT_TRANSPORT=inline)");
    transport = "inline";
  }
  return transport === "worker"
    ? startWorkerBroker(listen, log, e.INGEST_MAX_BODY_BYTES)
    : startInlineBroker(listen, log, e.INGEST_MAX_BODY_BYTES);
}
