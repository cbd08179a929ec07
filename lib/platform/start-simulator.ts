// Starts the demo simulator for every active simulated device: bedside monitors play their bed's scenario,
// infusion pumps and fridge loggers their demo script (lib/seed/demo-hospital) anchored at the time they were
// seeded, and any of them that has never reported first uploads its last 24 h (lib/simulator/run-equipment,
// lib/simulator/monitor-history), so a fresh demo opens on a day of history. Home devices (lib/seed/demo-home)
// play their patient's story at home and first upload 14 days (lib/simulator/run-home).
// Secrets are rotated at each start and held only in memory, so the simulator connects with real
// credentials through the real broker.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { env } from "@/lib/env";
import { rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { MAX_FRAMES_PER_BODY } from "@/lib/ingest/frame-schema";
import { demoEquipmentScenarioFor, demoScenarioFor } from "@/lib/seed/demo-hospital";
import { demoHomeScenarioFor } from "@/lib/seed/demo-home";
import { HOME_BACKFILL_MS, startHomeDevices, type SimulatedHomeDevice } from "@/lib/simulator/run-home";
import { BACKFILL_MS, seedForDevice } from "@/lib/simulator/equipment-source";
import { startSimulator, type SimulatedDevice, type SimulatedEquipment } from "@/lib/simulator/run-simulator";
import { CLOCK_AT_START_MS } from "@/lib/simulator/scenarios";
import { startDemoAssetTags } from "./start-asset-simulator";

export type SimulatedDeviceRow = { id: string; type: string; createdAt: Date; bed: { ward: string; label: string } | null };
type WithoutSecret<T> = Omit<T, "secret">;

/**
 * Who the simulator plays and how (pure): each device's scenario, seed and next seq; a pump or logger is placed
 * on the wall clock at its creation and backfills its recent past if it has never sent a frame.
 */
export function simulatorRoster(rows: SimulatedDeviceRow[], lastSeq: ReadonlyMap<string, number>) {
  const monitors: WithoutSecret<SimulatedDevice>[] = [];
  const equipment: WithoutSecret<SimulatedEquipment>[] = [];
  const home: WithoutSecret<SimulatedHomeDevice>[] = [];
  for (const d of rows) {
    const last = lastSeq.get(d.id);
    const startSeq = (last ?? 0) + 1;
    // A patient's device at home (CGM, cuff, inhaler, air sensor) plays its home story and uploads 14 days.
    const homeScenario = demoHomeScenarioFor(d.id, d.type);
    if (homeScenario) {
      const anchorMs = d.createdAt.getTime();
      home.push({
        deviceId: d.id,
        startSeq,
        scenario: homeScenario,
        seed: seedForDevice(d.id),
        anchorMs,
        backfillMs: last === undefined ? HOME_BACKFILL_MS : 0,
      });
      continue;
    }
    const scenario = demoEquipmentScenarioFor(d.id, d.type);
    if (scenario) {
      equipment.push({
        deviceId: d.id,
        startSeq,
        scenario,
        seed: seedForDevice(d.id),
        anchorMs: d.createdAt.getTime(),
        backfillMs: last === undefined ? BACKFILL_MS : 0,
      });
    } else {
      // Seeds by position among the monitors, as before equipment was simulated: the same patients as ever.
      const monitorScenario = d.bed ? demoScenarioFor(d.bed.ward, d.bed.label) : "stable";
      monitors.push({
        deviceId: d.id,
        startSeq,
        scenario: monitorScenario,
        seed: 1000 + monitors.length,
        clockAtStartMs: CLOCK_AT_START_MS[monitorScenario],
        backfillMs: last === undefined ? BACKFILL_MS : 0,
      });
    }
  }
  return { monitors, equipment, home };
}

export async function startDemoSimulator(
  brokerUrl: string,
  log: (msg: string) => void,
): Promise<{ stop(): Promise<void>; monitorCount: number; equipmentCount: number; homeCount: number } | null> {
  const { prisma, sql } = await getDatabase();
  const devices = await prisma.device.findMany({
    where: { simulated: true, status: "active", type: { notIn: ["ble_gateway", "asset_tag"] } },
    select: {
      id: true,
      type: true,
      createdAt: true,
      patient: { select: { bed: { select: { label: true, ward: { select: { code: true } } } } } },
    },
    orderBy: { id: "asc" },
  });
  if (devices.length === 0) return null;
  const lastSeq = await sql.query<{ device_id: string; seq: string }>(
    `SELECT device_id, max(seq)::text AS seq FROM device_frames WHERE device_id = ANY($1::text[]) GROUP BY device_id`,
    [devices.map((d) => d.id)],
  );
  const roster = simulatorRoster(
    devices.map((d) => ({
      id: d.id,
      type: d.type,
      createdAt: d.createdAt,
      bed: d.patient?.bed ? { ward: d.patient.bed.ward.code, label: d.patient.bed.label } : null,
    })),
    new Map(lastSeq.map((r) => [r.device_id, Number(r.seq)])),
  );
  const monitors: SimulatedDevice[] = [];
  for (const m of roster.monitors) monitors.push({ ...m, secret: await rotateDeviceSecret(m.deviceId) });
  const equipment: SimulatedEquipment[] = [];
  for (const q of roster.equipment) equipment.push({ ...q, secret: await rotateDeviceSecret(q.deviceId) });
  const home: SimulatedHomeDevice[] = [];
  for (const h of roster.home) home.push({ ...h, secret: await rotateDeviceSecret(h.deviceId) });
  const e = env();
  const limits = {
    ratePerSec: e.INGEST_RATE_PER_SEC,
    burst: e.INGEST_RATE_BURST,
    maxBodyBytes: e.INGEST_MAX_BODY_BYTES,
    maxFramesPerBody: MAX_FRAMES_PER_BODY,
  };
  const handle = await startSimulator({ brokerUrl, devices: monitors, log, equipment, equipmentOptions: limits, ingestLimits: limits });
  const assets = await startDemoAssetTags(brokerUrl, log);
  const homeHandle = home.length ? startHomeDevices({ brokerUrl, devices: home, log, ...limits }) : null;
  return {
    stop: async () => {
      await homeHandle?.stop();
      await assets?.stop();
      await handle.stop();
    },
    monitorCount: monitors.length,
    equipmentCount: equipment.length,
    homeCount: home.length,
  };
}
