// Keeps an external Mosquitto's dynamic-security client list in step with the device registry
// (MQTT_DYNSEC=on): a device created or rotated here gets its credentials there, a revoked one is
// disabled (and disconnected) there. Secrets are pushed at the only moment we hold them in clear, so a
// device provisioned before the sync was enabled must have its secret rotated once.
import "server-only";
import type { MqttClient } from "mqtt";
import { eventBus } from "@/lib/bus/event-bus";
import {
  DYNSEC_RESPONSE_TOPIC,
  DYNSEC_TOPIC,
  isBenignDynsecError,
  provisionDeviceCommands,
  revokeDeviceCommands,
  rotateDeviceCommands,
  type DynsecCommand,
} from "./mosquitto-dynsec";

type Response = { responses?: { command: string; error?: string }[] };

export async function startDynsecSync(client: MqttClient, log: (level: "info" | "warn", msg: string) => void) {
  const onMessage = (topic: string, payload: Buffer) => {
    if (topic !== DYNSEC_RESPONSE_TOPIC) return;
    try {
      for (const r of (JSON.parse(payload.toString("utf8")) as Response).responses ?? []) {
        if (r.error && !isBenignDynsecError(r.command, r.error)) log("warn", `[mqtt] dynamic-security ${r.command} failed: ${r.error}`);
      }
    } catch {
      log("warn", "[mqtt] unreadable dynamic-security response");
    }
  };
  client.on("message", onMessage);
  await client.subscribeAsync(DYNSEC_RESPONSE_TOPIC, { qos: 1 });

  const send = (commands: DynsecCommand[]) =>
    client.publishAsync(DYNSEC_TOPIC, JSON.stringify({ commands }), { qos: 1 }).catch((err: Error) => {
      log("warn", `[mqtt] could not reach the broker's dynamic-security plugin: ${err.message}`);
    });

  const bus = eventBus();
  const offCredentials = bus.subscribe("device:credentials", ({ deviceId, secret, change }) => {
    void send(change === "created" ? provisionDeviceCommands(deviceId, secret) : rotateDeviceCommands(deviceId, secret));
  });
  const offChanged = bus.subscribe("device:changed", ({ deviceId, change }) => {
    if (change === "revoked") void send(revokeDeviceCommands(deviceId));
  });
  log("info", "[mqtt] device credentials are pushed to the broker's dynamic-security plugin");
  return () => {
    offCredentials();
    offChanged();
    client.off("message", onMessage);
  };
}
