// The MQTT side: the embedded broker when MQTT_URL is unset, else a consumer of the external broker.
import "server-only";
import type { Env } from "@/lib/env";
import { startEmbeddedBroker } from "@/lib/ingest/embedded-broker";
import { skipMqttNumberCache } from "@/lib/ingest/mqtt-number-cache";
import mqtt from "mqtt";
import { startExternalConsumer } from "@/lib/ingest/external-broker-consumer";
import { startDynsecSync } from "@/lib/ingest/dynsec-sync";
import { setOtaPublisher } from "@/lib/firmware/ota-publisher";
import { deliverPendingOta } from "@/lib/firmware/deliver-ota";
import { getObservationWriter } from "@/lib/ingest/accept-telemetry";
import type { TlsConfig } from "@/lib/transport/tls-config";

export type MqttSide = {
  mode: "embedded" | "external";
  url: string;
  port: number | null;
  /** The embedded broker's thread: its own worker thread or the main event loop (MQTT_TRANSPORT). */
  transport?: "worker" | "inline";
  /** The embedded broker's MQTT-over-TLS port (with TLS). */
  tlsPort?: number | null;
  close(): Promise<void>;
};

export async function startMqtt(e: Env, log: (msg: string) => void, tls: TlsConfig | null = null): Promise<MqttSide> {
  skipMqttNumberCache(); // the broker, the simulator's clients and the OTA publisher on this thread
  const logLevel = (level: "info" | "warn", msg: string) => (level === "warn" ? console.warn(msg) : log(msg));
  const drainWrites = async () => (await getObservationWriter()).drain();
  if (!e.MQTT_URL) {
    const broker = await startEmbeddedBroker({
      port: e.MQTT_PORT,
      host: e.MQTT_BIND,
      log: logLevel,
      tls: tls ? { cert: tls.cert, key: tls.key, clientCa: tls.clientCa, port: e.MQTTS_PORT, clientCerts: e.MQTT_CLIENT_CERTS } : undefined,
    });
    // OTA commands are retained per device, so a device that connects later still gets its update.
    setOtaPublisher((topic, payload) => broker.publish(topic, payload, { retain: true }));
    await sendPendingOta(logLevel);
    return {
      mode: "embedded",
      url: broker.url,
      port: broker.port,
      tlsPort: broker.tlsPort,
      transport: broker.transport,
      close: async () => {
        setOtaPublisher(null);
        await broker.close();
        await drainWrites();
      },
    };
  }
  const url = new URL(e.MQTT_URL);
  const brokerUrl = `${url.protocol}//${url.host}`;
  const credentials = { username: decodeURIComponent(url.username) || undefined, password: decodeURIComponent(url.password) || undefined };
  const consumer = await startExternalConsumer({ url: brokerUrl, ...credentials, log: logLevel });
  // OTA commands and credentials management have their own connection: the consumer's acknowledges
  // only telemetry.
  const control = await mqtt.connectAsync(brokerUrl, { ...credentials, protocolVersion: 5, reconnectPeriod: 2000 });
  const stopDynsec = e.MQTT_DYNSEC ? await startDynsecSync(control, logLevel) : null;
  setOtaPublisher(async (topic, payload) => void (await control.publishAsync(topic, payload, { qos: 1, retain: true })));
  await sendPendingOta(logLevel);
  return {
    mode: "external",
    url: brokerUrl,
    port: Number(url.port) || 1883,
    close: async () => {
      setOtaPublisher(null);
      stopDynsec?.();
      await control.endAsync();
      await consumer.close();
      await drainWrites();
    },
  };
}

async function sendPendingOta(log: (level: "info" | "warn", msg: string) => void): Promise<void> {
  const r = await deliverPendingOta();
  if (r.failed) log("warn", `[ota] ${r.failed} pending firmware command(s) could not be sent`);
  else if (r.delivered) log("info", `[ota] sent ${r.delivered} pending firmware command(s)`);
}
