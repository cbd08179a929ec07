// npm run bench:rtls: the asset map's figures, each beside a baseline measured in the same run.
//   1. sightings/s through the accept path (claim, engine, batched history) with 5,000 tags, on PGlite and
//      PostgreSQL, beside the engine alone and a raw batched insert of as many rows (goal ≥ 20,000/s);
//   2. the map page's live layer in Chromium with 2,000 assets while 200 markers move per second over
//      Socket.IO: the longest task (goal: none over 50 ms), beside the same page with nothing moving.
// Flags: --tags N (5000), --seconds N (20), --only throughput|map. Writes bench-results/rtls.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureThroughput, type ThroughputResult } from "./rtls-throughput";
import { measureMap, type MapResult } from "./rtls-map";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const tags = Number(arg("tags", "5000"));
  const seconds = Number(arg("seconds", "20"));
  const only = arg("only", "");
  console.log(
    `[rtls] machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} (1/5/15 min)`,
  );
  const throughput: ThroughputResult[] = [];
  let map: MapResult | null = null;
  if (only !== "map") {
    for (const kind of ["pglite", "postgres"] as const) {
      try {
        const r = await measureThroughput(kind, tags, seconds);
        throughput.push(r);
        console.log(
          `[rtls] ${kind}: ${r.sightings} sightings from ${r.tags} tags → accept path ${r.acceptPerSec}/s (goal ≥ 20,000), engine alone ${r.enginePerSec}/s, raw batched insert ${r.rawInsertPerSec}/s (ratio ${r.ratioToRaw}); ${r.historyRows} history rows, ${r.poisonRows} poison`,
        );
      } catch (err) {
        console.error(`[rtls] ${kind}: failed: ${(err as Error).message}`);
      }
    }
  }
  if (only !== "throughput") {
    map = await measureMap({ assets: 2000, movesPerSec: 200, durationMs: 15_000 });
    console.log(
      `[rtls] map in Chromium, ${map.assets} assets: ${map.movesPerSec} moves/s for ${map.durationMs / 1000} s → ${map.moving.movesApplied} moves shown, longest task ${map.moving.longestTaskMs} ms, ${map.moving.longTasksOver50} tasks > 50 ms (goal 0); baseline nothing moving: longest ${map.idle.longestTaskMs} ms, ${map.idle.longTasksOver50} > 50 ms; first render ${map.firstRenderMs} ms`,
    );
  }
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(
    path.join("bench-results", "rtls.json"),
    JSON.stringify({ at: new Date().toISOString(), loadAverage: os.loadavg(), throughput, map }, null, 2),
  );
  process.exit(0);
}

void main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
