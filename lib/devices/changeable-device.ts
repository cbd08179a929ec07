// The check every change to a provisioned device starts with: it exists, and it is not revoked (a revoked
// device is never reused; biomed provisions a new one). Each caller reads the fields it needs.
import { Refusal } from "@/lib/errors/refusal";
import type { DeviceStatus } from "@/lib/generated/prisma/enums";

/** `device` as read for `deviceId`, or the refusal: not found (404), or revoked (400). */
export function changeableDevice<T extends { status: DeviceStatus }>(deviceId: string, device: T | null): T {
  if (!device) throw new Refusal("not_found", `no device with id "${deviceId}"`, { field: "device" });
  if (device.status === "revoked")
    throw new Refusal("invalid", `"${deviceId}" is revoked; provision a new device instead`, { field: "device" });
  return device;
}
