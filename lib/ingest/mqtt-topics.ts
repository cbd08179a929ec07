// MQTT topic layout of the device contract.

export const telemetryTopic = (deviceId: string) => `devices/${deviceId}/telemetry`;

/** The device id a telemetry topic belongs to, or null when the topic is not a telemetry topic. */
export function deviceIdOfTelemetryTopic(topic: string): string | null {
  const m = /^devices\/([^/+#]+)\/telemetry$/.exec(topic);
  return m ? m[1]! : null;
}
