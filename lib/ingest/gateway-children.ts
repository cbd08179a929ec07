// Which gateway a device is registered behind (devices.gateway_id), for frames a gateway relays for
// its children. A read-through cache like the device directory: short TTL, dropped at once when the
// bus reports a change to the device.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { perDatabase, type Database } from "@/lib/db/database";
import { deviceDirectory, type DeviceRecord } from "@/lib/devices/device-directory";

const TTL_MS = 30_000;

export type ChildLookup = { ok: true; device: DeviceRecord } | { ok: false; reason: string };

class GatewayLinks {
  private readonly cache = new Map<string, { gatewayId: string | null; expires: number }>();

  constructor(private readonly db: Database) {
    eventBus().subscribe("device:changed", ({ deviceId }) => this.cache.delete(deviceId));
  }

  async gatewayOf(deviceId: string): Promise<string | null> {
    const hit = this.cache.get(deviceId);
    if (hit && hit.expires > Date.now()) return hit.gatewayId;
    const row = await this.db.prisma.device.findUnique({ where: { id: deviceId }, select: { gatewayId: true } });
    const gatewayId = row?.gatewayId ?? null;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(deviceId, { gatewayId, expires: Date.now() + TTL_MS });
    return gatewayId;
  }
}

const links = () => perDatabase("gatewayLinks", (db) => new GatewayLinks(db));

/** The child device `childId` if it is active and registered behind `gateway`, else why not. */
export async function resolveChild(gateway: DeviceRecord, childId: string): Promise<ChildLookup> {
  const [child, gatewayId] = await Promise.all([(await deviceDirectory()).get(childId), (await links()).gatewayOf(childId)]);
  if (!child || gatewayId !== gateway.id)
    return { ok: false, reason: `device "${childId}" is not registered behind gateway "${gateway.id}"` };
  if (child.status !== "active") return { ok: false, reason: `device "${childId}" is revoked` };
  return { ok: true, device: child };
}
