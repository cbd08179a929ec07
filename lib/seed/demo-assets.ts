// The demo asset map: the 4E and ICU floor plans (shipped files, imported like an admin upload), 12 BLE
// gateways and 60 tagged assets (infusion pumps, wheelchairs, beds, defibrillators; the demo pumps carry
// tags too), par levels for pumps, and 30 days of use and search history so utilization, its trend and
// time to locate have something to show. Fixed ids: an install seeded earlier gets what it lacks.
import "server-only";
import { getPrisma, getDatabase } from "@/lib/db/database";
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { saveFloor } from "@/lib/asset-tracking/floor-store";
import { createBleGateway } from "@/lib/asset-tracking/provision-tracking";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { eventBus } from "@/lib/bus/event-bus";
import { seededRandom } from "@/lib/assets/location/testing/synthetic-sightings";

export const DEMO_GATEWAY_ROOMS = [
  "4E-CORR-W",
  "4E-CORR-E",
  "4E-R02",
  "4E-R05",
  "4E-R08",
  "4E-R11",
  "4E-DIRTY",
  "4E-STORE",
  "4E-EXIT",
  "ICU-CORR",
  "ICU-STORE",
  "ICU-B2",
] as const;

const CLASSES = [
  { class: "infusion_pump", prefix: "PUMP", label: "Pump", count: 24 },
  { class: "wheelchair", prefix: "WC", label: "Wheelchair", count: 14 },
  { class: "bed", prefix: "BED", label: "Bed", count: 14 },
  { class: "defibrillator", prefix: "DEFIB", label: "Defibrillator", count: 8 },
] as const;

export type DemoTagSpec = {
  tagId: string;
  class: string;
  name: string;
  floorId: string;
  deviceId: string | null;
  wanderer: boolean;
  seed: number;
};

/** The 60 demo tags: two thirds on 4E, a third in ICU; the first 4 pumps are the registered demo pumps; Wheelchair 02 wanders off through the exit. */
export function demoTagSpecs(): DemoTagSpec[] {
  const out: DemoTagSpec[] = [];
  let seed = 1;
  for (const c of CLASSES) {
    for (let i = 1; i <= c.count; i++, seed++) {
      const n = String(i).padStart(2, "0");
      out.push({
        tagId: `tag-${c.prefix.toLowerCase()}-${n}`,
        class: c.class,
        name: `${c.label} ${n}`,
        floorId: i % 3 === 0 ? "ICU" : "4E",
        deviceId: c.class === "infusion_pump" && i <= 4 ? `pump-000${i}` : null,
        wanderer: c.class === "wheelchair" && i === 2,
        seed,
      });
    }
  }
  return out;
}

export async function seedDemoAssets(now = Date.now()): Promise<{ floors: number; gateways: number; tags: number }> {
  const prisma = await getPrisma();
  const wards = new Map((await prisma.ward.findMany({ select: { id: true, code: true } })).map((w) => [w.code, w.id]));
  let floors = 0;
  for (const f of demoFloors()) {
    if (await prisma.mapFloor.findUnique({ where: { id: f.id }, select: { id: true } })) continue;
    await saveFloor(f, { wardId: wards.get(f.id) ?? null });
    floors++;
  }
  await prisma.assetParLevel.createMany({
    data: [
      { floorId: "4E", class: "infusion_pump", minimum: 3 },
      { floorId: "ICU", class: "infusion_pump", minimum: 2 },
      { floorId: "4E", class: "wheelchair", minimum: 2 },
    ],
    skipDuplicates: true,
  });
  let gateways = 0;
  for (const room of DEMO_GATEWAY_ROOMS) {
    const id = `blegw-${room.toLowerCase()}`;
    if (await prisma.device.findUnique({ where: { id }, select: { id: true } })) continue;
    await createBleGateway({ roomId: room, id, simulated: true });
    gateways++;
  }
  // Tags in bulk (a demo tag never connects: gateways hear it), each with its asset; pumps by their registered device.
  const pumps = new Set((await prisma.device.findMany({ where: { type: "infusion_pump" }, select: { id: true } })).map((d) => d.id));
  const specs = demoTagSpecs();
  const have = new Set(
    (await prisma.device.findMany({ where: { id: { in: specs.map((t) => t.tagId) } }, select: { id: true } })).map((d) => d.id),
  );
  const missing = specs.filter((t) => !have.has(t.tagId));
  await prisma.device.createMany({
    data: missing.map((t) => ({ id: t.tagId, type: "asset_tag", secretHash: hashSecret(generateSecret("dsk")), simulated: true })),
  });
  await prisma.asset.createMany({
    data: missing.map((t) => ({
      id: `asset-${t.tagId}`,
      tagId: t.tagId,
      class: t.class,
      name: t.name,
      deviceId: t.deviceId && pumps.has(t.deviceId) ? t.deviceId : null,
      serviceDueAt: t.seed % 17 === 0 ? new Date(now - 86_400_000) : new Date(now + (30 + (t.seed % 90)) * 86_400_000),
    })),
    skipDuplicates: true,
  });
  const tags = missing.length;
  if (tags > 0) eventBus().publish("asset:layout", { reason: "tag", id: "demo" });
  if (tags > 0) await seedHistory(now);
  return { floors, gateways, tags };
}

/** 30 days of uses (utilization rising from about a third to two thirds) and of searches (time to locate). */
async function seedHistory(now: number): Promise<void> {
  const { sql } = await getDatabase();
  const DAY = 86_400_000;
  const rand = seededRandom(42);
  const assets = await sql.query<{ id: string }>(`SELECT id FROM assets ORDER BY id`);
  const ids: string[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (const a of assets) {
    for (let d = 30; d >= 1; d--) {
      const share = 0.33 + (0.34 * (30 - d)) / 29; // a third, rising to two thirds
      const dayStart = now - d * DAY;
      const used = share * DAY * (0.8 + 0.4 * rand());
      const from = dayStart + rand() * (DAY - used);
      ids.push(a.id);
      starts.push(new Date(from).toISOString());
      ends.push(new Date(from + used).toISOString());
    }
  }
  await sql.query(`UPDATE assets SET created_at = $1`, [new Date(now - 31 * DAY).toISOString()]);
  await sql.query(
    `INSERT INTO asset_uses (asset_id, started_at, ended_at) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[])`,
    [ids, starts, ends],
  );
  const sIds: string[] = [];
  const at: string[] = [];
  const opened: (string | null)[] = [];
  for (let i = 0; i < 120; i++) {
    const t = now - 30 * DAY + i * ((30 * DAY) / 120);
    sIds.push(`demo-search-${i}`);
    at.push(new Date(t).toISOString());
    opened.push(rand() < 0.9 ? new Date(t + (20_000 + rand() * 160_000) * (1 - i / 200)).toISOString() : null);
  }
  await sql.query(
    `INSERT INTO asset_searches (id, class, near, at, opened_at) SELECT u.id, 'infusion_pump', '4E/3', u.at, u.opened
       FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS u(id, at, opened) ON CONFLICT DO NOTHING`,
    [sIds, at, opened],
  );
}
