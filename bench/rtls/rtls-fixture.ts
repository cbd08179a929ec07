// The benchmark's asset map: a fresh PGlite (temporary directory) or PostgreSQL database, the demo floors,
// 12 gateways and N tags with their assets inserted in bulk, and the sighting bodies the gateways send:
// every simulated second each tag is heard by the gateway of its room and two others; a tag changes room
// now and then, so the engine places, moves and settles tags and the writer stores history.
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createScratchPostgresDatabase } from "@/bench/support/scratch-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { saveFloor } from "@/lib/asset-tracking/floor-store";
import { setDatabase } from "@/lib/db/database";
import { seededRandom } from "@/lib/assets/location/testing/synthetic-sightings";
import { DEMO_GATEWAY_ROOMS } from "@/lib/seed/demo-assets";

export type RtlsBench = {
  kind: "pglite" | "postgres";
  db: Database;
  gateways: { id: string; roomId: string }[];
  tags: string[];
  destroy(): Promise<void>;
};

export async function openRtlsDatabase(kind: "pglite" | "postgres", tagCount: number): Promise<RtlsBench> {
  let db: Database;
  let drop: () => Promise<void>;
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-rtls-"));
    db = await openDatabase({ pgliteDir: dir });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const scratch = await createScratchPostgresDatabase("iomt_rtls");
    db = await openDatabase({ url: scratch.url });
    drop = scratch.drop;
  }
  await migrateDatabase(db.sql);
  setDatabase(db);
  for (const f of demoFloors()) await saveFloor(f);
  const gateways = DEMO_GATEWAY_ROOMS.map((roomId) => ({ id: `bench-gw-${roomId}`, roomId }));
  const tags = Array.from({ length: tagCount }, (_, i) => `bench-tag-${i}`);
  const ids = [...gateways.map((g) => g.id), ...tags];
  await db.sql.query(
    `INSERT INTO devices (id, type, secret_hash, simulated) SELECT id, type, 'x', true FROM unnest($1::text[], $2::text[]) AS u(id, type)`,
    [ids, ids.map((id) => (id.startsWith("bench-gw") ? "ble_gateway" : "asset_tag"))],
  );
  await db.sql.query(`INSERT INTO ble_gateways (device_id, room_id) SELECT * FROM unnest($1::text[], $2::text[])`, [
    gateways.map((g) => g.id),
    gateways.map((g) => g.roomId),
  ]);
  const classes = ["infusion_pump", "wheelchair", "bed", "defibrillator"];
  await db.sql.query(`INSERT INTO assets (id, tag_id, class) SELECT 'a-' || t, t, c FROM unnest($1::text[], $2::text[]) AS u(t, c)`, [
    tags,
    tags.map((_, i) => classes[i % classes.length]!),
  ]);
  return {
    kind,
    db,
    gateways,
    tags,
    async destroy() {
      await db.close();
      await drop();
    },
  };
}

/**
 * Bodies per simulated second: for each gateway one body (an array of batches of ≤ 500 sightings). Tags
 * start in a room of one floor's gateways and one in 60 moves to another room every simulated second.
 */
export function sightingBodies(
  b: RtlsBench,
  seconds: number,
  start: number,
  firstSeq: number,
): { gatewayId: string; body: string; sightings: number }[][] {
  const rand = seededRandom(7);
  const byFloor = [b.gateways.filter((g) => g.roomId.startsWith("4E")), b.gateways.filter((g) => g.roomId.startsWith("ICU"))];
  const floorOf = b.tags.map((_, i) => byFloor[i % 5 === 0 ? 1 : 0]!);
  const at = b.tags.map((_, i) => Math.floor(rand() * floorOf[i]!.length));
  const out: { gatewayId: string; body: string; sightings: number }[][] = [];
  let seq = firstSeq;
  for (let s = 0; s < seconds; s++) {
    const heard = new Map<string, { tag: string; rssi: number }[]>(b.gateways.map((g) => [g.id, []]));
    b.tags.forEach((tag, i) => {
      const gws = floorOf[i]!;
      if (rand() < 1 / 60) at[i] = Math.floor(rand() * gws.length);
      const home = at[i]!;
      heard.get(gws[home]!.id)!.push({ tag, rssi: Math.round(-50 + 4 * (rand() - 0.5)) });
      heard.get(gws[(home + 1) % gws.length]!.id)!.push({ tag, rssi: Math.round(-72 + 6 * (rand() - 0.5)) });
      heard.get(gws[(home + 2) % gws.length]!.id)!.push({ tag, rssi: Math.round(-80 + 6 * (rand() - 0.5)) });
    });
    const ts = new Date(start + s * 1000).toISOString();
    const second: { gatewayId: string; body: string; sightings: number }[] = [];
    for (const [gatewayId, list] of heard) {
      const batches = [];
      for (let k = 0; k < list.length; k += 500) batches.push({ seq: seq++, ts, sightings: list.slice(k, k + 500) });
      if (batches.length) second.push({ gatewayId, body: JSON.stringify(batches), sightings: list.length });
    }
    out.push(second);
  }
  return out;
}
