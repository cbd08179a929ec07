// Section 1 of bench:rtls: sightings per second through the whole accept path (validation, the (gateway,
// seq) claim in storage, the location engine, the batched history and place writer) with N tags, beside
// the engine alone and a raw batched insert of the same number of sighting rows (unnest, 5,000 rows per
// statement) measured in the same run on the same database.
import "server-only";
import { performance } from "node:perf_hooks";
import { acceptSightings } from "@/lib/asset-tracking/accept-sightings";
import { locationService } from "@/lib/asset-tracking/start-asset-tracking";
import { LocationEngine } from "@/lib/assets/asset-map";
import type { DeviceRecord } from "@/lib/devices/device-directory";
import { openRtlsDatabase, sightingBodies } from "./rtls-fixture";

export type ThroughputResult = {
  kind: string;
  tags: number;
  sightings: number;
  acceptPerSec: number;
  enginePerSec: number;
  rawInsertPerSec: number;
  ratioToRaw: number;
  historyRows: number;
  poisonRows: number;
};

const round = (n: number) => Math.round(n);

export async function measureThroughput(kind: "pglite" | "postgres", tags: number, seconds: number): Promise<ThroughputResult> {
  const b = await openRtlsDatabase(kind, tags);
  try {
    const start = Date.now() - (seconds + 60) * 1000;
    const bodies = sightingBodies(b, seconds, start, 1);
    const total = bodies.flat().reduce((n, x) => n + x.sightings, 0);
    const service = await locationService();
    const gateway = (id: string): DeviceRecord => ({
      id,
      type: "ble_gateway",
      secretHash: "x",
      status: "active",
      patientId: null,
      wardId: null,
    });

    // The engine alone, on the same sightings (parsed once, outside the timing).
    const parsed = bodies.flat().map((x) => ({
      gatewayId: x.gatewayId,
      batches: JSON.parse(x.body) as { ts: string; sightings: { tag: string; rssi: number }[] }[],
    }));
    const engine = new LocationEngine(new Map(b.gateways.map((g) => [g.id, g.roomId])));
    let t = performance.now();
    const out: never[] = [];
    for (const p of parsed)
      for (const batch of p.batches) {
        const ts = Date.parse(batch.ts);
        for (const s of batch.sightings) engine.ingestOne({ tagId: s.tag, gatewayId: p.gatewayId, rssi: s.rssi, ts }, out);
        out.length = 0;
      }
    const enginePerSec = total / ((performance.now() - t) / 1000);

    // The accept path: every gateway's body of a second in parallel, second after second, then the writers drained.
    t = performance.now();
    for (const second of bodies) await Promise.all(second.map((x) => acceptSightings(gateway(x.gatewayId), x.body)));
    await service.drain();
    const acceptPerSec = total / ((performance.now() - t) / 1000);

    // Raw: the same number of sighting rows through a plain batched insert.
    await b.db.sql.exec(`CREATE TABLE bench_raw_sightings (gateway_id text, tag text, rssi real, ts timestamptz)`);
    t = performance.now();
    let written = 0;
    const ts = new Date().toISOString();
    while (written < total) {
      const n = Math.min(5000, total - written);
      const g: string[] = [];
      const tg: string[] = [];
      const r: number[] = [];
      const tt: string[] = [];
      for (let i = 0; i < n; i++) {
        g.push(b.gateways[i % b.gateways.length]!.id);
        tg.push(b.tags[(written + i) % b.tags.length]!);
        r.push(-60);
        tt.push(ts);
      }
      await b.db.sql.query(`INSERT INTO bench_raw_sightings SELECT * FROM unnest($1::text[], $2::text[], $3::real[], $4::timestamptz[])`, [
        g,
        tg,
        r,
        tt,
      ]);
      written += n;
    }
    const rawInsertPerSec = total / ((performance.now() - t) / 1000);
    return {
      kind,
      tags,
      sightings: total,
      acceptPerSec: round(acceptPerSec),
      enginePerSec: round(enginePerSec),
      rawInsertPerSec: round(rawInsertPerSec),
      ratioToRaw: Math.round((acceptPerSec / rawInsertPerSec) * 100) / 100,
      historyRows: service.writer.stats.historyRows,
      poisonRows: service.writer.stats.poisonRows,
    };
  } finally {
    await b.destroy();
  }
}
