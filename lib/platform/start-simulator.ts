// Starts the demo simulator for every active simulated device. Their secrets are rotated at each start
// and held only in memory, so the simulator connects with real credentials through the real broker.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { demoScenarioFor } from "@/lib/seed/demo-hospital";
import { startSimulator } from "@/lib/simulator/run-simulator";

export async function startDemoSimulator(brokerUrl: string, log: (msg: string) => void): Promise<{ stop(): Promise<void>; deviceCount: number } | null> {
  const { prisma, sql } = await getDatabase();
  const devices = await prisma.device.findMany({
    where: { simulated: true, status: "active" },
    select: { id: true, patient: { select: { bed: { select: { label: true, ward: { select: { code: true } } } } } } },
    orderBy: { id: "asc" },
  });
  if (devices.length === 0) return null;
  const lastSeq = await sql.query<{ device_id: string; seq: string }>(
    `SELECT device_id, max(seq)::text AS seq FROM device_frames WHERE device_id = ANY($1::text[]) GROUP BY device_id`,
    [devices.map((d) => d.id)],
  );
  const seqOf = new Map(lastSeq.map((r) => [r.device_id, Number(r.seq)]));
  const simulated = [];
  for (const [i, d] of devices.entries()) {
    const bed = d.patient?.bed;
    simulated.push({
      deviceId: d.id,
      secret: await rotateDeviceSecret(d.id),
      startSeq: (seqOf.get(d.id) ?? 0) + 1,
      scenario: bed ? demoScenarioFor(bed.ward.code, bed.label) : ("stable" as const),
      seed: 1000 + i,
    });
  }
  const handle = await startSimulator({ brokerUrl, devices: simulated, log });
  return { stop: () => handle.stop(), deviceCount: simulated.length };
}
