// What the device page reads beyond the registry row: its equipment telemetry as bucket averages, the
// minutes in which it sent frames (connectivity timeline), its equipment and technical alerts, and its
// firmware update history. None of it names a patient.
import "server-only";
import { getDatabase, getPrisma } from "@/lib/db/database";
import type { BucketRow } from "@/lib/charts/prepare-device-trends";

export type DetailWindow = { from: Date; to: Date };

/** Averages of the given codes per bucket of `bucketMs` (epoch-aligned), in the window. */
export async function loadEquipmentBuckets(
  deviceId: string,
  codes: readonly string[],
  w: DetailWindow,
  bucketMs: number,
): Promise<BucketRow[]> {
  if (codes.length === 0) return [];
  const { sql } = await getDatabase();
  const rows = await sql.query<{ code: string; t: number | string; v: number }>(
    `SELECT code, (floor(extract(epoch FROM ts) * 1000 / $5) * $5)::float8 AS t, avg(value)::float8 AS v
       FROM observations
      WHERE device_id = $1 AND code = ANY($2::text[]) AND ts >= $3 AND ts <= $4 AND NOT artifact
      GROUP BY code, 2
      ORDER BY 2`,
    [deviceId, codes, w.from.toISOString(), w.to.toISOString(), bucketMs],
  );
  return rows.map((r) => ({ code: r.code, t: Number(r.t), v: Number(r.v) }));
}

/** Start (epoch ms) of every bucket of `bucketMs` in which the device sent at least one frame. */
export async function loadFrameBuckets(deviceId: string, w: DetailWindow, bucketMs: number): Promise<number[]> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ t: number | string }>(
    `SELECT DISTINCT (floor(extract(epoch FROM ts) * 1000 / $4) * $4)::float8 AS t
       FROM device_frames
      WHERE device_id = $1 AND ts >= $2 AND ts <= $3
      ORDER BY 1`,
    [deviceId, w.from.toISOString(), w.to.toISOString(), bucketMs],
  );
  return rows.map((r) => Number(r.t));
}

export type DeviceAlertRow = {
  id: string;
  rule: string;
  priority: string;
  state: string;
  message: string;
  raisedAt: string;
  resolvedAt: string | null;
  conditionActive: boolean;
};

/** Alerts about the equipment (no patient) and technical alerts (INOP: tech.*, device.*), newest first. */
export async function loadDeviceAlerts(deviceId: string, since: Date, limit = 30): Promise<DeviceAlertRow[]> {
  const prisma = await getPrisma();
  const rows = await prisma.alert.findMany({
    where: {
      deviceId,
      raisedAt: { gte: since },
      OR: [{ patientId: null }, { rule: { startsWith: "tech." } }, { rule: { startsWith: "device." } }],
    },
    orderBy: [{ raisedAt: "desc" }],
    take: limit,
    select: { id: true, rule: true, priority: true, state: true, message: true, raisedAt: true, resolvedAt: true, conditionActive: true },
  });
  return rows.map((r) => ({ ...r, raisedAt: r.raisedAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null }));
}

export type FirmwareUpdateRow = { id: string; version: string; state: string; detail: string | null; createdAt: string; updatedAt: string };

export async function loadFirmwareHistory(deviceId: string, limit = 10): Promise<FirmwareUpdateRow[]> {
  const prisma = await getPrisma();
  const rows = await prisma.deviceFirmwareUpdate.findMany({
    where: { deviceId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, state: true, detail: true, createdAt: true, updatedAt: true, package: { select: { version: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    version: u.package.version,
    state: u.state,
    detail: u.detail,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  }));
}
