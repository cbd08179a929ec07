// A read-through cache of device identities for the ingest hot path (MQTT connect, every frame):
// secret hash, status, patient and ward. Entries expire after a short TTL and are dropped at once
// when the bus reports a change (revoke, reassign, rotate, a transfer or discharge at its bed).
// A device at a bed (not on a patient) reports for whoever lay in that bed at each frame's time: the
// record carries the bed's recent assignments (bed_assignments), so a transfer moves the stream from
// that moment on and a late frame from before it keeps its old owner.
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
  /** For a device at a bed and on no patient: who lay in the bed when (newest last). */
  bedSpans?: BedSpan[];
};

/** A patient in a bed from `from` until `to` (epoch ms; null: still there). */
export type BedSpan = { from: number; to: number | null; patientId: string };

/** Assignments kept in a record: the open one and those that ended in the last 7 days. */
const SPAN_HISTORY_MS = 7 * 86_400_000;

/** The patient a frame with this time belongs to. */
export function patientAt(device: DeviceRecord, ts: number): string | null {
  const spans = device.bedSpans;
  if (!spans) return device.patientId;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (ts >= s.from && (s.to === null || ts < s.to)) return s.patientId;
  }
  return null;
}

async function loadBedSpans(db: Database, bedId: string, occupantId: string | null): Promise<BedSpan[]> {
  const rows = await db.prisma.bedAssignment.findMany({
    where: { bedId, OR: [{ toAt: null }, { toAt: { gt: new Date(Date.now() - SPAN_HISTORY_MS) } }] },
    select: { fromAt: true, toAt: true, patientId: true },
    orderBy: { fromAt: "asc" },
  });
  const spans: BedSpan[] = rows.map((r) => ({ from: r.fromAt.getTime(), to: r.toAt?.getTime() ?? null, patientId: r.patientId }));
  // A patient placed in the bed without an encounter (installs before ADT, fixtures) lies there since ever.
  if (occupantId && !spans.some((s) => s.to === null && s.patientId === occupantId)) {
    spans.unshift({ from: Number.NEGATIVE_INFINITY, to: spans[0]?.from ?? null, patientId: occupantId });
  }
  return spans;
}

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
        bed: { select: { id: true, wardId: true, patient: { select: { id: true } } } },
      },
    });
    const bedSpans = d && !d.patientId && d.bed ? await loadBedSpans(this.db, d.bed.id, d.bed.patient?.id ?? null) : undefined;
    const record: DeviceRecord | null = d
      ? {
          id: d.id,
          type: d.type,
          secretHash: d.secretHash,
          status: d.status,
          patientId: d.patientId ?? d.bed?.patient?.id ?? null,
          wardId: d.patient?.bed?.wardId ?? d.bed?.wardId ?? null,
          ...(bedSpans ? { bedSpans } : {}),
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
