// The benchmark's load generator, run as a child process so device clients do not share the app's
// event loop: one MQTT client identity (own connection, client id = device id) per device publishing
// QoS 1 frames of six vitals, or HTTP devices posting to the telemetry route; plus one Socket.IO viewer
// that subscribes to the wards and times every vitals event back to its publish.
import http from "node:http";
import mqtt, { type MqttClient } from "mqtt";
import { io as connectSocket, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/socket/events";
import { LatencySamples, monoMs, round, sleep, startRssSampler } from "./bench-stats";
import type { BenchDevice, HttpLoad, LoadCommand, LoadReply, LoadResult, MqttLoad, SocketTarget } from "./bench-protocol";

const CONNECT_BATCH = 50;
const SETTLE_MS = 15_000;

function frame(seq: number): string {
  const hr = 60 + (seq % 40);
  return `{"seq":${seq},"ts":"${new Date().toISOString()}","values":{"heart_rate":${hr},"spo2":${95 + (seq % 5)},"resp_rate":${12 + (seq % 8)},"temp":36.${seq % 10},"bp_sys":${110 + (seq % 30)},"bp_dia":${70 + (seq % 15)}}}`;
}

/** Per run: publish times by device and seq, so the viewer can time each live event. */
class Timing {
  readonly commit = new LatencySamples();
  readonly live = new LatencySamples();
  private readonly sentAt = new Map<string, number>();
  windowStart = 0;
  windowEnd = 0;
  ackedInWindow = 0;
  sent = 0;
  acked = 0;
  readonly errors: Record<string, number> = {};

  constructor(private readonly trackLive: boolean) {}

  published(deviceId: string, seq: number, at: number): void {
    this.sent++;
    if (this.trackLive && at >= this.windowStart) this.sentAt.set(`${deviceId}|${seq}`, at);
  }

  acknowledged(frames: number, sentAt: number, now: number): void {
    this.acked += frames;
    if (sentAt >= this.windowStart) for (let i = 0; i < frames; i++) this.commit.add(now - sentAt);
    if (now >= this.windowStart && now <= this.windowEnd) this.ackedInWindow += frames;
  }

  delivered(deviceId: string, seq: number, now: number): void {
    const key = `${deviceId}|${seq}`;
    const at = this.sentAt.get(key);
    if (at === undefined) return;
    this.sentAt.delete(key);
    this.live.add(now - at);
  }

  error(kind: string): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }
}

async function startViewer(target: SocketTarget, timing: Timing): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(target.url, {
    auth: { token: target.token },
    transports: ["websocket"],
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  for (const wardId of target.wardIds) {
    const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit("ward:subscribe", wardId, resolve));
    if (!ack.ok) throw new Error(`viewer could not subscribe to ward ${wardId}`);
  }
  socket.on("vitals", (e) => timing.delivered(e.deviceId, e.seq, monoMs()));
  return socket;
}

async function connectDevices(url: string, devices: BenchDevice[], timing: Timing): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  for (let i = 0; i < devices.length; i += CONNECT_BATCH) {
    const batch = devices.slice(i, i + CONNECT_BATCH).map((d) =>
      mqtt.connectAsync(url, {
        clientId: d.id,
        username: d.id,
        password: d.secret,
        reconnectPeriod: 0,
        keepalive: 60,
        protocolVersion: 4,
      }),
    );
    clients.push(...(await Promise.all(batch)));
  }
  for (const c of clients) c.on("error", (err) => timing.error(`mqtt: ${err.message}`));
  return clients;
}

async function runMqtt(cmd: MqttLoad): Promise<LoadResult> {
  const timing = new Timing(!!cmd.socket);
  const viewer = cmd.socket ? await startViewer(cmd.socket, timing) : null;
  const clients = await connectDevices(cmd.brokerUrl, cmd.devices, timing);
  const start = monoMs();
  timing.windowStart = start + cmd.warmupMs;
  timing.windowEnd = timing.windowStart + cmd.durationMs;
  let outstanding = 0;

  const publish = (client: MqttClient, device: BenchDevice, seq: number, next?: () => void) => {
    const at = monoMs();
    timing.published(device.id, seq, at);
    outstanding++;
    client.publish(`devices/${device.id}/telemetry`, frame(seq), { qos: 1 }, (err) => {
      outstanding--;
      if (err) timing.error(`publish: ${err.message}`);
      else timing.acknowledged(1, at, monoMs());
      next?.();
    });
  };

  const timers: NodeJS.Timeout[] = [];
  cmd.devices.forEach((device, i) => {
    const client = clients[i]!;
    let seq = cmd.startSeq;
    if (cmd.ratePerDevice) {
      const every = 1000 / cmd.ratePerDevice;
      const phase = setTimeout(() => {
        const t = setInterval(() => {
          if (monoMs() > timing.windowEnd) return clearInterval(t);
          publish(client, device, seq++);
        }, every);
        timers.push(t);
      }, Math.random() * every);
      timers.push(phase);
    } else {
      const next = () => {
        if (monoMs() <= timing.windowEnd) publish(client, device, seq++, next);
      };
      for (let k = 0; k < (cmd.inflight ?? 1); k++) next();
    }
  });

  await sleep(cmd.warmupMs + cmd.durationMs);
  const settleUntil = monoMs() + SETTLE_MS;
  while (outstanding > 0 && monoMs() < settleUntil) await sleep(50);
  if (outstanding > 0) timing.error(`unacknowledged at end: ${outstanding}`);
  await sleep(300); // let the last live events arrive
  for (const t of timers) clearTimeout(t);
  await Promise.all(clients.map((c) => c.endAsync(true)));
  viewer?.disconnect();
  return summarise(cmd, "mqtt", timing);
}

async function runHttp(cmd: HttpLoad): Promise<LoadResult> {
  const timing = new Timing(!!cmd.socket);
  const viewer = cmd.socket ? await startViewer(cmd.socket, timing) : null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: cmd.concurrency });
  const start = monoMs();
  timing.windowStart = start + cmd.warmupMs;
  timing.windowEnd = timing.windowStart + cmd.durationMs;

  const post = (device: BenchDevice, body: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        cmd.probe === "health" ? `${cmd.baseUrl}/api/health` : `${cmd.baseUrl}/api/v1/devices/${device.id}/telemetry`,
        {
          method: cmd.probe === "health" ? "GET" : "POST",
          agent,
          headers:
            cmd.probe === "health"
              ? {}
              : {
                  "content-type": "application/json",
                  authorization: `Bearer ${device.secret}`,
                  "content-length": Buffer.byteLength(body),
                },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", (err) => {
        timing.error(`http: ${err.message}`);
        resolve(0);
      });
      req.end(cmd.probe === "health" ? undefined : body);
    });

  const loop = async (device: BenchDevice) => {
    let seq = cmd.startSeq;
    while (monoMs() <= timing.windowEnd) {
      const frames: string[] = [];
      const at = monoMs();
      for (let k = 0; k < cmd.framesPerRequest; k++) {
        timing.published(device.id, seq, at);
        frames.push(frame(seq++));
      }
      const status = await post(device, cmd.framesPerRequest === 1 ? frames[0]! : `[${frames.join(",")}]`);
      if (status === (cmd.probe === "health" ? 200 : 202)) timing.acknowledged(frames.length, at, monoMs());
      else timing.error(`http ${status}`);
    }
  };
  await Promise.all(cmd.devices.slice(0, cmd.concurrency).map(loop));
  await sleep(300);
  agent.destroy();
  viewer?.disconnect();
  return summarise(cmd, "http", timing);
}

function summarise(cmd: MqttLoad | HttpLoad, transport: "mqtt" | "http", timing: Timing): LoadResult {
  return {
    name: cmd.name,
    transport,
    devices: transport === "http" ? Math.min((cmd as HttpLoad).concurrency, cmd.devices.length) : cmd.devices.length,
    sent: timing.sent,
    acked: timing.acked,
    ackedInWindow: timing.ackedInWindow,
    windowMs: cmd.durationMs,
    framesPerSec: round(timing.ackedInWindow / (cmd.durationMs / 1000), 0),
    commit: timing.commit.summary(),
    live: cmd.socket ? timing.live.summary() : null,
    errors: timing.errors,
    loadGeneratorPeakRssMiB: rss.peakMiB(),
    loadGeneratorCpuCores: 0,
  };
}

const rss = startRssSampler();
const reply = (m: LoadReply) => process.send?.(m);

process.on("message", (msg: LoadCommand) => {
  if (msg.cmd === "exit") process.exit(0);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = msg.cmd === "mqtt" ? runMqtt(msg) : runHttp(msg);
  run.then(
    (result) => {
      const used = process.cpuUsage(cpu);
      result.loadGeneratorCpuCores = round((used.user + used.system) / 1000 / (performance.now() - started), 2);
      reply({ type: "result", result });
    },
    (err: Error) => reply({ type: "error", message: err.stack ?? err.message }),
  );
});
reply({ type: "ready" });
