// MQTT topic layout of the device contract: a device publishes to devices/{id}/telemetry; a gateway
// may also publish for a child registered behind it to devices/{gateway}/children/{child}/telemetry.

export const otaTopic = (deviceId: string) => `devices/${deviceId}/ota`;
export const otaStatusTopic = (deviceId: string) => `devices/${deviceId}/ota/status`;
export const telemetryTopic = (deviceId: string) => `devices/${deviceId}/telemetry`;
export const childTelemetryTopic = (gatewayId: string, childId: string) => `devices/${gatewayId}/children/${childId}/telemetry`;

/** A BLE gateway's tag sightings (asset map, lib/asset-tracking). */
export const sightingsTopic = (gatewayId: string) => `devices/${gatewayId}/sightings`;
const SIGHTINGS = /^devices\/([^/+#]+)\/sightings$/;
/** The gateway a sightings topic belongs to, or null. */
export function gatewayOfSightingsTopic(topic: string): string | null {
  const m = SIGHTINGS.exec(topic);
  return m ? m[1]! : null;
}

/** Shared-subscription filters covering every telemetry topic (and BLE sightings). */
export const TELEMETRY_FILTERS = ["devices/+/telemetry", "devices/+/children/+/telemetry", "devices/+/sightings"] as const;

export type TelemetryTopic = { deviceId: string; childId: string | null };

const OWN = /^devices\/([^/+#]+)\/telemetry$/;
const CHILD = /^devices\/([^/+#]+)\/children\/([^/+#]+)\/telemetry$/;

/** The device (and child) a telemetry topic belongs to, or null when it is not a telemetry topic. */
export function parseTelemetryTopic(topic: string): TelemetryTopic | null {
  const own = OWN.exec(topic);
  if (own) return { deviceId: own[1]!, childId: null };
  const child = CHILD.exec(topic);
  return child ? { deviceId: child[1]!, childId: child[2]! } : null;
}

/** The device id a device's own telemetry topic belongs to, or null when the topic is not one. */
export function deviceIdOfTelemetryTopic(topic: string): string | null {
  const m = OWN.exec(topic);
  return m ? m[1]! : null;
}
