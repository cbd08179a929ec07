// Where a device's MQTT publish goes, decided from its topic and size alone (no database), so the
// broker's worker thread and the inline broker route publishes the same way.
import { otaStatusTopic, parseTelemetryTopic, sightingsTopic } from "./mqtt-topics";

export type PublishRoute =
  | { kind: "ota_status" }
  | { kind: "sightings" }
  /** Not the device's own topic: quarantined and the connection closed. */
  | { kind: "foreign" }
  /** Over INGEST_MAX_BODY_BYTES: acknowledged (resending cannot make it smaller) and quarantined. */
  | { kind: "too_large"; limit: number }
  | { kind: "telemetry"; childId: string | null };

export function routePublish(clientId: string | null, topic: string, payloadBytes: number, maxBodyBytes: number): PublishRoute {
  if (clientId !== null && topic === otaStatusTopic(clientId)) return { kind: "ota_status" };
  if (clientId !== null && topic === sightingsTopic(clientId)) return { kind: "sightings" };
  const t = clientId !== null ? parseTelemetryTopic(topic) : null;
  if (!t || t.deviceId !== clientId) return { kind: "foreign" };
  if (payloadBytes > maxBodyBytes) return { kind: "too_large", limit: maxBodyBytes };
  return { kind: "telemetry", childId: t.childId };
}
