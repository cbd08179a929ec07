// The MQTT side every simulated device shares: a real client per device, authenticating with the device's
// own id and secret exactly as hardware would, retrying while refused; log-friendly errors; a graceful end.
import "server-only";
import mqtt, { type MqttClient } from "mqtt";

const RECONNECT_PERIOD_MS = 2000;
/** How long a start waits for each device's first connection outcome before running anyway. */
export const FIRST_CONNECT_WAIT_MS = 5000;
/** How long a stop waits for in-flight publishes to be acknowledged before closing a client hard. */
const GRACEFUL_END_MS = 2000;

/** The broker URL without any credentials it may carry, fit for a log line. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return "the broker";
  }
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function connectDevice(brokerUrl: string, deviceId: string, secret: string): MqttClient {
  return mqtt.connect(brokerUrl, {
    clientId: deviceId,
    username: deviceId,
    password: secret,
    protocolVersion: 4, // MQTT 3.1.1: spoken by every broker, the embedded aedes included (it has no MQTT 5)
    clean: true,
    reconnectPeriod: RECONNECT_PERIOD_MS,
    reconnectOnConnackError: true,
    connectTimeout: 10_000,
  });
}

/** Resolves at the client's first connection outcome (connected or refused), or after FIRST_CONNECT_WAIT_MS. */
export function firstOutcome(client: MqttClient): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    client.once("connect", done);
    client.once("error", done);
  });
}

/** Ends a client, giving an in-flight publish a moment to be acknowledged, then closing (hard if it never is). */
export async function endClient(client: MqttClient, inFlight: () => boolean): Promise<void> {
  const deadline = Date.now() + GRACEFUL_END_MS;
  while (inFlight() && client.connected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await client.endAsync(inFlight() || !client.connected);
}
