// The ward's 64 bedside monitors, live: each its own MQTT client with its own credentials, publishing one
// frame of vitals a second (QoS 1, stamped now), spread over the second so the broker sees a steady flow.
// Each frame's send time and heart rate are logged (the last 20 minutes: the whole run's ward visits) for
// the device → screen latency.
import mqtt, { type MqttClient } from "mqtt";
import type { SentFrame } from "./screen-latency";
import { historyVitals, type UiBenchDevice } from "./ui-fixture";

export type Publishers = { sent(): number; failed(): number; sentLog(): SentFrame[]; stop(): Promise<void> };

const LOG_MS = 20 * 60_000;

export async function startPublishers(url: string, devices: UiBenchDevice[]): Promise<Publishers> {
  let sent = 0,
    failed = 0;
  const clients: MqttClient[] = await Promise.all(
    devices.map((d) => mqtt.connectAsync(url, { clientId: d.id, username: d.id, password: d.secret, reconnectPeriod: 1000 })),
  );
  const timers: NodeJS.Timeout[] = [];
  let log: SentFrame[] = [];
  const start = Date.now();
  devices.forEach((d, i) => {
    // Above every history row's seq (those are seconds of past minutes), one more per frame.
    let seq = Math.floor(start / 1000);
    const publish = () => {
      const now = Date.now();
      seq++;
      const base = historyVitals(i, Math.floor((now - start) / 60_000) + 8 * 60);
      // A beat-to-beat wobble so the numbers on screen change every second, as a real monitor's do.
      const wobble = (seq % 5) - 2;
      const values = {
        ...base,
        heart_rate: base.heart_rate! + wobble,
        resp_rate: base.resp_rate! + (wobble % 2),
        consciousness: 0,
        o2_supplement: 0,
      };
      const frame = { seq, ts: new Date(now).toISOString(), values };
      log.push({ bed: d.bed, at: Date.now(), heartRate: values.heart_rate });
      if (log.length > devices.length * 1_300) log = log.filter((f) => f.at > now - LOG_MS);
      clients[i]!.publishAsync(`devices/${d.id}/telemetry`, JSON.stringify(frame), { qos: 1 }).then(
        () => sent++,
        () => failed++,
      );
    };
    // Offset each device within the second, then every 1 s.
    const offset = setTimeout(
      () => {
        publish();
        timers.push(setInterval(publish, 1000));
      },
      Math.floor((i * 1000) / devices.length),
    );
    timers.push(offset);
  });
  return {
    sent: () => sent,
    failed: () => failed,
    sentLog: () => [...log],
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}
