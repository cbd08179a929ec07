// The OTA contract on the wire. Pure (no I/O).
//   command  devices/{id}/ota         {updateId, version, sha256, signature, size, url}   (QoS 1, retained)
//   status   devices/{id}/ota/status  {updateId, state, detail?, version?}                (device -> platform)
// The device downloads `url` with `Authorization: Bearer <device secret>`, checks the SHA-256 and the
// Ed25519 signature of the raw bytes, installs, and reports downloading → verified → updated (or failed).

export type OtaCommand = { updateId: string; version: string; sha256: string; signature: string; size: number; url: string };

export const otaTopic = (deviceId: string) => `devices/${deviceId}/ota`;
export const otaStatusTopic = (deviceId: string) => `devices/${deviceId}/ota/status`;

/** The device id an OTA status topic belongs to, or null for any other topic. */
export function deviceIdOfOtaStatusTopic(topic: string): string | null {
  const m = /^devices\/([^/+#]+)\/ota\/status$/.exec(topic);
  return m ? m[1]! : null;
}

export function firmwareDownloadUrl(baseUrl: string, packageId: string, deviceId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/v1/firmware/${encodeURIComponent(packageId)}/download?device=${encodeURIComponent(deviceId)}`;
}

export function buildOtaCommand(
  update: { id: string },
  pkg: { version: string; sha256: string; signature: string; sizeBytes: number },
  downloadUrl: string,
): OtaCommand {
  return { updateId: update.id, version: pkg.version, sha256: pkg.sha256, signature: pkg.signature, size: pkg.sizeBytes, url: downloadUrl };
}
