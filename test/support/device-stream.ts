// Devices streaming QoS 1 frames for fault tests: one real mqtt.js client per device (client id =
// device id) publishing seq 1, 2, 3… at a fixed interval, reconnecting on its own like firmware would,
// buffering frames while disconnected, and recording which seqs were acknowledged (PUBACK received).
import mqtt, { type MqttClient } from "mqtt";

export type StreamDevice = { id: string; secret: string };

export class DeviceStream {
  readonly published = new Map<string, number>();
  readonly acked = new Map<string, Set<number>>();
  closes = 0;
  readonly errors: string[] = [];
  private timers: NodeJS.Timeout[] = [];
  private clients: MqttClient[] = [];

  static async start(url: string, devices: StreamDevice[], intervalMs: number): Promise<DeviceStream> {
    const s = new DeviceStream();
    for (const d of devices) {
      const client = await mqtt.connectAsync(url, {
        clientId: d.id,
        username: d.id,
        password: d.secret,
        reconnectPeriod: 200,
        reconnectOnConnackError: true,
        connectTimeout: 5000,
        keepalive: 30,
      });
      client.on("close", () => s.closes++);
      client.on("error", () => undefined);
      s.clients.push(client);
      s.published.set(d.id, 0);
      s.acked.set(d.id, new Set());
      // Like firmware, frames measured while disconnected, or given back by mqtt.js, wait in a local
      // backlog and are published once the connection is back (mqtt.js itself resends what was in flight).
      const backlog: number[] = [];
      const send = (seq: number) => {
        const values = { heart_rate: 60 + (seq % 30), spo2: 95 + (seq % 5) };
        client.publish(`devices/${d.id}/telemetry`, JSON.stringify({ seq, ts: new Date().toISOString(), values }), { qos: 1 }, (err) => {
          if (!err) return void s.acked.get(d.id)!.add(seq);
          // mqtt.js gave up on it (e.g. queued while reconnecting and the connection closed again): keep it for the next connection.
          s.errors.push(`${seq}: ${err.message}`);
          if (client.connected) send(seq);
          else backlog.push(seq);
        });
      };
      client.on("connect", () => {
        for (const seq of backlog.splice(0)) send(seq);
      });
      const timer = setInterval(() => {
        const seq = s.published.get(d.id)! + 1;
        s.published.set(d.id, seq);
        if (client.connected) send(seq);
        else backlog.push(seq);
      }, intervalMs);
      s.timers.push(timer);
    }
    return s;
  }

  /** Stops publishing new frames (in-flight ones keep being retried). */
  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  get totalPublished(): number {
    return [...this.published.values()].reduce((a, b) => a + b, 0);
  }

  get totalAcked(): number {
    return [...this.acked.values()].reduce((a, b) => a + b.size, 0);
  }

  /** A copy of what has been acknowledged so far. */
  snapshot(): Map<string, Set<number>> {
    return new Map([...this.acked].map(([id, seqs]) => [id, new Set(seqs)]));
  }

  /** Waits until every published frame is acknowledged (or the timeout passes). */
  async settle(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.totalAcked < this.totalPublished && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return this.totalAcked === this.totalPublished;
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.clients.map((c) => c.endAsync(true)));
  }
}

/** Rows per (device, seq) in a database: frames and observations, for "exactly once" checks. */
export async function storedCounts(
  query: (sql: string, params: unknown[]) => Promise<{ device_id: string; seq: string; frames: number; values: number }[]>,
  deviceIds: string[],
) {
  const rows = await query(
    `SELECT f.device_id, f.seq::text AS seq, count(DISTINCT f.ts)::int AS frames, (SELECT count(*)::int FROM observations o WHERE o.device_id = f.device_id AND o.seq = f.seq) AS values
       FROM device_frames f WHERE f.device_id = ANY($1::text[]) GROUP BY f.device_id, f.seq`,
    [deviceIds],
  );
  return new Map(rows.map((r) => [`${r.device_id}#${r.seq}`, { frames: r.frames, values: r.values }]));
}
