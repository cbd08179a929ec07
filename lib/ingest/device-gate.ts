// Which devices may connect to the embedded broker and publish, decided on the main thread from the
// device directory (the database); the inline broker calls it directly, the broker's worker thread asks
// over its MessagePort. A device whose rights are withdrawn (revoked, secret rotated) is reported so the
// broker drops its connection at once.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { authenticateDevice } from "@/lib/devices/authenticate-device";
import { deviceDirectory, type DeviceRecord } from "@/lib/devices/device-directory";
import { isGatewayType } from "@/lib/domain/device-types";
import type { ConnectRequest, Log, RefusalCode } from "./broker-net";

export type { ConnectRequest } from "./broker-net";

export type ConnectDecision = { ok: true; gateway: boolean } | { ok: false; code: RefusalCode; message: string };

const refused = (code: RefusalCode, message: string): ConnectDecision => ({ ok: false, code, message });

export async function decideConnect(req: ConnectRequest, log: Log): Promise<ConnectDecision> {
  const deviceId = req.username ?? "";
  if (req.clientId !== deviceId) {
    log("warn", `[mqtt] refused client "${req.clientId}": client id must equal the device id (username)`);
    return refused(5, "client id must equal the device id");
  }
  if (req.certified !== null) {
    if (req.certified !== deviceId) {
      log("warn", `[mqtt] refused client "${req.clientId}": its certificate is for device "${req.certified}"`);
      return refused(5, "certificate CN must equal the device id");
    }
    try {
      const device = await (await deviceDirectory()).get(deviceId);
      if (device?.status === "active") return { ok: true, gateway: isGatewayType(device.type) };
      log("warn", `[mqtt] refused device "${deviceId}" (certificate): ${device ? "revoked" : "unknown device"}`);
      return refused(5, device ? "device revoked" : "unknown device");
    } catch (err) {
      return refused(3, `authentication unavailable: ${(err as Error).message}`);
    }
  }
  try {
    const r = await authenticateDevice(deviceId, req.password);
    if (r.ok) return { ok: true, gateway: isGatewayType(r.device.type) };
    log("warn", `[mqtt] refused device "${deviceId}": ${r.reason.replace("_", " ")}`);
    return r.reason === "revoked" ? refused(5, "device revoked") : refused(4, "bad username or password");
  } catch (err) {
    // 3 = server unavailable: the database cannot be reached; the device retries later.
    return refused(3, `authentication unavailable: ${(err as Error).message}`);
  }
}

/** The device, if it may still publish (active); checked for every telemetry publish. */
export async function activeDevice(deviceId: string): Promise<DeviceRecord | null> {
  const device = await (await deviceDirectory()).get(deviceId);
  return device && device.status === "active" ? device : null;
}

export type Withdrawal = "revoked" | "rotated";

/** Calls `drop` whenever a device's rights are withdrawn; returns the unsubscribe. */
export function onRightsWithdrawn(drop: (deviceId: string, change: Withdrawal) => void): () => void {
  return eventBus().subscribe("device:changed", ({ deviceId, change }) => {
    if (change === "revoked" || change === "rotated") drop(deviceId, change);
  });
}
