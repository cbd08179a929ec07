// A read-through cache of device identities for the ingest hot path (MQTT connect, every frame):
// secret hash, status, patient and ward. Entries expire after a short TTL and are dropped at once
// when the bus reports a change (revoke, reassign, rotate).
import "server-only";
import { perDatabase, type Database } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";

export type DeviceRecord = {
  id: string;
  type: string;
  secretHash: string;
  status: "active" | "revoked";
  patientId: string | null;
  wardId: string | null;
};

const TTL_MS = 30_000;

export class DeviceDirectory {
  private readonly cache = new Map<string, { record: DeviceRecord | null; expires: number }>();

  constructor(private readonly db: Database) {
    eventBus().subscribe("device:changed", ({ deviceId }) => this.cache.delete(deviceId));
  }

  async get(deviceId: string): Promise<DeviceRecord | null> {
    const hit = this.cache.get(deviceId);
    if (hit && hit.expires > Date.now()) return hit.record;
    const d = await this.db.prisma.device.findUnique({
      where: { id: deviceId },
      select: {
        id: true,
        type: true,
        secretHash: true,
        status: true,
        patientId: true,
        patient: { select: { bed: { select: { wardId: true } } } },
        // A device assigned to a bed reports for whoever lies in that bed.
        bed: { select: { wardId: true, patient: { select: { id: true } } } },
      },
    });
    const record: DeviceRecord | null = d
      ? {
          id: d.id,
          type: d.type,
          secretHash: d.secretHash,
          status: d.status,
          patientId: d.patientId ?? d.bed?.patient?.id ?? null,
          wardId: d.patient?.bed?.wardId ?? d.bed?.wardId ?? null,
        }
      : null;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(deviceId, { record, expires: Date.now() + TTL_MS });
    return record;
  }
}

export function deviceDirectory(): Promise<DeviceDirectory> {
  return perDatabase("deviceDirectory", (db) => new DeviceDirectory(db));
}
