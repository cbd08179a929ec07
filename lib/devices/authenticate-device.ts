// Device authentication: the device id and its secret (MQTT username/password, HTTP bearer).
import "server-only";
import { secretMatches } from "@/lib/auth/secret-token";
import { deviceDirectory, type DeviceRecord } from "./device-directory";

export type DeviceAuthResult = { ok: true; device: DeviceRecord } | { ok: false; reason: "unknown_device" | "bad_secret" | "revoked" };

export async function authenticateDevice(deviceId: string, secret: string | undefined): Promise<DeviceAuthResult> {
  const device = await (await deviceDirectory()).get(deviceId);
  // Unknown device and wrong secret are told apart only in logs, never to the caller.
  if (!device) return { ok: false, reason: "unknown_device" };
  if (!secret || !secretMatches(secret, device.secretHash)) return { ok: false, reason: "bad_secret" };
  if (device.status === "revoked") return { ok: false, reason: "revoked" };
  return { ok: true, device };
}
