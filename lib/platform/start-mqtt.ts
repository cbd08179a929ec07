// The MQTT side: the embedded broker when MQTT_URL is unset, else a consumer of the external broker.
import "server-only";
import type { Env } from "@/lib/env";
import { startEmbeddedBroker } from "@/lib/ingest/embedded-broker";
import mqtt from "mqtt";
import { startExternalConsumer } from "@/lib/ingest/external-broker-consumer";
import { startDynsecSync } from "@/lib/ingest/dynsec-sync";
import { getObservationWriter } from "@/lib/ingest/accept-telemetry";

export type MqttSide = { mode: "embedded" | "external"; url: string; port: number | null; close(): Promise<void> };

export async function startMqtt(e: Env, log: (msg: string) => void): Promise<MqttSide> {
  const logLevel = (level: "info" | "warn", msg: string) => (level === "warn" ? console.warn(msg) : log(msg));
  const drainWrites = async () => (await getObservationWriter()).drain();
  if (!e.MQTT_URL) {
    const broker = await startEmbeddedBroker({ port: e.MQTT_PORT, log: logLevel });
    return { mode: "embedded", url: broker.url, port: broker.port, close: async () => (await broker.close(), await drainWrites()) };
  }
  const url = new URL(e.MQTT_URL);
  const brokerUrl = `${url.protocol}//${url.host}`;
  const credentials = { username: decodeURIComponent(url.username) || undefined, password: decodeURIComponent(url.password) || undefined };
  const consumer = await startExternalConsumer({ url: brokerUrl, ...credentials, log: logLevel });
  // Credentials management has its own connection: the consumer's acknowledges only telemetry.
  const control = e.MQTT_DYNSEC ? await mqtt.connectAsync(brokerUrl, { ...credentials, protocolVersion: 5, reconnectPeriod: 2000 }) : null;
  const stopDynsec = control ? await startDynsecSync(control, logLevel) : null;
  return {
    mode: "external",
    url: brokerUrl,
    port: Number(url.port) || 1883,
    close: async () => {
      stopDynsec?.();
      await control?.endAsync();
      await consumer.close();
      await drainWrites();
    },
  };
}
