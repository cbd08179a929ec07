// Commands for Mosquitto's dynamic-security plugin that make an external broker enforce each device's
// identity: the device id is the username and client id, the secret its password, and its role lets it
// publish only its own telemetry and OTA status and subscribe only under devices/{id}/. Pure.

export const DYNSEC_TOPIC = "$CONTROL/dynamic-security/v1";
export const DYNSEC_RESPONSE_TOPIC = `${DYNSEC_TOPIC}/response`;

export type DynsecCommand = { command: string } & Record<string, unknown>;

export const deviceRoleName = (deviceId: string) => `iomt-device-${deviceId}`;

export function provisionDeviceCommands(deviceId: string, secret: string): DynsecCommand[] {
  const rolename = deviceRoleName(deviceId);
  return [
    {
      command: "createRole",
      rolename,
      acls: [
        { acltype: "publishClientSend", topic: `devices/${deviceId}/telemetry`, allow: true },
        { acltype: "publishClientSend", topic: `devices/${deviceId}/children/+/telemetry`, allow: true },
        { acltype: "publishClientSend", topic: `devices/${deviceId}/ota/status`, allow: true },
        { acltype: "publishClientSend", topic: `devices/${deviceId}/sightings`, allow: true },
        { acltype: "subscribePattern", topic: `devices/${deviceId}/#`, allow: true },
        { acltype: "publishClientReceive", topic: `devices/${deviceId}/#`, allow: true },
      ],
    },
    // Delete first so re-provisioning an id replaces any stale client.
    { command: "deleteClient", username: deviceId },
    { command: "createClient", username: deviceId, password: secret, clientid: deviceId, roles: [{ rolename }] },
  ];
}

export function rotateDeviceCommands(deviceId: string, secret: string): DynsecCommand[] {
  return [{ command: "setClientPassword", username: deviceId, password: secret }];
}

/** Disabling a client also disconnects it at once. */
export function revokeDeviceCommands(deviceId: string): DynsecCommand[] {
  return [{ command: "disableClient", username: deviceId }];
}

/** Errors that only mean "already so" when a command is replayed. */
export function isBenignDynsecError(command: string, error: string): boolean {
  return (command === "createRole" && /already exists/i.test(error)) || (command === "deleteClient" && /not found/i.test(error));
}
