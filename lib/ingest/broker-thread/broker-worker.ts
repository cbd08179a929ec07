// The embedded broker's worker thread (MQTT_TRANSPORT=worker): aedes, the device sockets, the MQTT
// protocol, and each telemetry body's JSON parse and frame validation run here, on the second core.
// Connect decisions and the verdict on every publish come from the main thread (device-gate.ts,
// publish-outcomes.ts), which owns the database; a publish is acknowledged (PUBACK) only when the main
// thread says so, i.e. after its frame is durably written. Loaded by broker-worker.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { Aedes } from "aedes";
import {
  authError,
  authorizeDeviceSubscribe,
  connectRequestOf,
  dropDeviceConnection,
  openListeners,
  platformPublish,
  type ConnectRequest,
  type Listeners,
  type Log,
} from "../broker-net";
import type { ConnectDecision } from "../device-gate";
import { parseTelemetryJson } from "../frame-schema";
import { skipMqttNumberCache } from "../mqtt-number-cache";
import { routePublish } from "../publish-route";
import type { BrokerWorkerData, FromWorker, PublishItem, ToWorker } from "./protocol";

skipMqttNumberCache();
const port = parentPort!;
const config = workerData as BrokerWorkerData;
const send = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
const log: Log = (level, msg) => send({ t: "log", level, msg });

let nextReq = 1;
const connectWaiters = new Map<number, (d: ConnectDecision) => void>();
const verdictWaiters = new Map<number, (err: Error | null) => void>();

/** Accepted connect decisions, per device, for reconnect storms; forgotten when the device's rights are withdrawn. */
const connectCache = new Map<string, { key: string; gateway: boolean; until: number }>();
/** Counts withdrawals per device, so a decision asked for before one is not cached after it. */
const withdrawals = new Map<string, number>();
/** Whether a connected device is a gateway (its bodies may carry children's frames). */
const gateways = new Map<string, boolean>();

// The credentials themselves (aedes holds them in memory anyway): no crypto on this thread, whose OpenSSL
// error queue a TLS connection can leave dirty.
const credentialKey = (req: ConnectRequest) => `${req.clientId}\0${req.username ?? ""}\0${req.password ?? ""}\0${req.certified ?? ""}`;

async function decide(req: ConnectRequest): Promise<ConnectDecision> {
  const key = credentialKey(req);
  const cached = req.username !== null ? connectCache.get(req.username) : undefined;
  if (cached && cached.key === key && cached.until > Date.now()) return { ok: true, gateway: cached.gateway };
  const deviceId = req.username ?? "";
  const epoch = withdrawals.get(deviceId) ?? 0;
  const id = nextReq++;
  send({ t: "connect", req: id, request: req });
  return new Promise<ConnectDecision>((resolve) => connectWaiters.set(id, resolve)).then((d) => {
    if (d.ok && (withdrawals.get(deviceId) ?? 0) === epoch)
      connectCache.set(deviceId, { key, gateway: d.gateway, until: Date.now() + config.connectCacheMs });
    return d;
  });
}

let queue: { item: PublishItem; payload: Buffer }[] = [];
let queuedBytes = 0;

/** Sends this turn's publishes in one message, their payloads packed into one transferred buffer. */
function flushPublishes(): void {
  const batch = queue;
  queue = [];
  const bytes = new Uint8Array(queuedBytes);
  queuedBytes = 0;
  const items: PublishItem[] = [];
  let offset = 0;
  for (const { item, payload } of batch) {
    bytes.set(payload, offset);
    item.offset = offset;
    item.length = payload.length;
    items.push(item);
    offset += payload.length;
  }
  send({ t: "publishes", items, bytes: bytes.buffer }, [bytes.buffer]);
}

function enqueue(item: Omit<PublishItem, "req" | "offset" | "length">, payload: Buffer, callback: (err: Error | null) => void): void {
  const req = nextReq++;
  verdictWaiters.set(req, callback);
  if (queue.length === 0) setImmediate(flushPublishes);
  queue.push({ item: { ...item, req, offset: 0, length: 0 }, payload });
  queuedBytes += payload.length;
}

const broker = new Aedes({
  heartbeatInterval: 60_000,
  authenticate(client, username, password, done) {
    const req = connectRequestOf(client, username, password);
    decide(req).then(
      (d) => {
        if (!d.ok) return done(authError(d.message, d.code), false);
        gateways.set(client.id, d.gateway);
        done(null, true);
      },
      (err: Error) => done(authError(`authentication unavailable: ${err.message}`, 3), false),
    );
  },
  authorizePublish(client, packet, callback) {
    const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : packet.payload;
    const deviceId = client?.id ?? null;
    const route = routePublish(deviceId, packet.topic, payload.length, config.maxBodyBytes);
    if (route.kind !== "telemetry" || deviceId === null) return enqueue({ deviceId, topic: packet.topic, route }, payload, callback);
    const gateway = gateways.get(deviceId) ?? false;
    const parsed = { gateway, result: parseTelemetryJson(payload, { gateway }) };
    enqueue({ deviceId, topic: packet.topic, route, parsed }, payload, callback);
  },
  authorizeSubscribe: authorizeDeviceSubscribe(log),
});

function drop(deviceId: string, change: string): void {
  connectCache.delete(deviceId);
  withdrawals.set(deviceId, (withdrawals.get(deviceId) ?? 0) + 1);
  dropDeviceConnection(broker, deviceId, change, log);
}

port.on("message", (m: ToWorker) => {
  switch (m.t) {
    case "connect_decision":
      connectWaiters.get(m.req)?.(m.decision);
      connectWaiters.delete(m.req);
      return;
    case "verdicts":
      m.reqs.forEach((req, i) => {
        const error = m.errors[i];
        verdictWaiters.get(req)?.(error ? new Error(error) : null);
        verdictWaiters.delete(req);
      });
      return;
    case "drop":
      return drop(m.deviceId, m.change);
    case "publish":
      platformPublish(broker, m.topic, m.payload, m.retain, (err) => send({ t: "published", req: m.req, error: err ? err.message : null }));
      return;
    case "close":
      broker.close(() => void (listeners?.close() ?? Promise.resolve()).then(() => send({ t: "closed" })));
      return;
  }
});

let listeners: Listeners | null = null;

async function start(): Promise<void> {
  await broker.listen();
  listeners = await openListeners(broker.handle, config.listen, log);
  send({ t: "ready", port: listeners.port, tlsPort: listeners.tlsPort, url: listeners.url });
}

start().catch((err: Error) => send({ t: "start_failed", error: err.message }));
