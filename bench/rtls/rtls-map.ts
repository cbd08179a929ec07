// Section 2 of bench:rtls: the asset map's live layer in Chromium (headless) with 2,000 assets on the demo
// floors while the bench's Socket.IO server moves 200 markers a second (`asset:location`, as the app sends
// them). Long tasks (PerformanceObserver "longtask") are recorded first with nothing moving (the baseline),
// then while moving. The page is components/assets bundled with esbuild (map-harness.tsx).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { Server } from "socket.io";
import { chromium } from "@playwright/test";
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { ASSET_CLASS_KEYS, ASSET_STATUSES } from "@/lib/assets/asset-map";
import type { AssetLocationPayload } from "@/lib/events";

export type MapResult = {
  assets: number;
  movesPerSec: number;
  durationMs: number;
  firstRenderMs: number;
  moving: { movesApplied: number; longestTaskMs: number; longTasksOver50: number };
  idle: { longestTaskMs: number; longTasksOver50: number };
};

async function browserPath(): Promise<{ executablePath: string; args: string[] }> {
  const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && fs.existsSync(p));
  const args = ["--no-sandbox", "--disable-gpu", "--no-first-run"];
  if (system) return { executablePath: system, args };
  const sparticuz = (await import("@sparticuz/chromium")).default;
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...sparticuz.args.filter((a) => !a.startsWith("--single-process")), ...args],
  };
}

export async function measureMap(o: { assets: number; movesPerSec: number; durationMs: number }): Promise<MapResult> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, "map-harness.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const js = bundle.outputFiles[0]!.text;
  const floors = demoFloors().map((f) => ({
    id: f.id,
    name: f.name,
    wardId: null,
    rooms: f.rooms.map((r) => ({ ...r, polygon: r.polygon.map((p) => [p[0], p[1]]), centroid: [r.centroid[0], r.centroid[1]] })),
  }));
  const rooms = floors.flatMap((f) => f.rooms.map((r) => ({ id: r.id, name: r.name, floorId: f.id })));
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const now = new Date().toISOString();
  const assets = Array.from({ length: o.assets }, (_, i) => {
    const room = rooms[i % rooms.length]!;
    return {
      id: `a-${i}`,
      tagId: `t-${i}`,
      class: ASSET_CLASS_KEYS[i % 4]!,
      name: `Asset ${i}`,
      status: ASSET_STATUSES[i % 5]!,
      statuses: [ASSET_STATUSES[i % 5]!],
      state: "located",
      roomId: room.id,
      roomName: room.name,
      floorId: room.floorId,
      since: now,
      lastSeenAt: now,
      deviceId: null,
    };
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>map bench</title></head><body style="background:#05070a;color:#eee"><div id="root"></div>
<script>window.__BENCH__=${JSON.stringify({ floors, assets })};window.__long=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__long.push({t:e.startTime,d:e.duration})}).observe({type:"longtask",buffered:true});</script>
<script type="module" src="/harness.js"></script></body></html>`;
  const server = http.createServer((req, res) => {
    if (req.url === "/harness.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    if (req.url === "/" || req.url?.startsWith("/?")) return void res.writeHead(200, { "content-type": "text/html" }).end(html);
    res.writeHead(404).end();
  });
  const io = new Server(server);
  io.on("connection", (s) => {
    s.on("assets:subscribe", (floorId: string, ack: (r: { ok: true }) => void) => {
      void s.join(`assets:${floorId}`);
      ack({ ok: true });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const { executablePath, args } = await browserPath();
  const browser = await chromium.launch({ executablePath, args });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${port}/${process.env.RTLS_MAP_QUERY ?? ""}`);
    await page.waitForFunction(() => document.querySelectorAll("circle").length > 0 && window.__rendered >= 0);
    const firstRenderMs = Date.now() - t0;
    await page.waitForTimeout(1000);
    const longSince = (from: number) =>
      page.evaluate((f) => (window as unknown as { __long: { t: number; d: number }[] }).__long.filter((x) => x.t >= f), from);
    const pageNow = () => page.evaluate(() => performance.now());
    let from = await pageNow();
    await page.waitForTimeout(Math.min(5000, o.durationMs / 3));
    const idle = await longSince(from);
    from = await pageNow();
    const tickMs = 50;
    const perTick = Math.round((o.movesPerSec * tickMs) / 1000);
    let moved = 0;
    const timer = setInterval(() => {
      for (let k = 0; k < perTick; k++) {
        const a = assets[Math.floor(rand() * assets.length)]!;
        const floor = floors.find((f) => f.id === a.floorId)!;
        const to = floor.rooms[Math.floor(rand() * floor.rooms.length)]!;
        const e: AssetLocationPayload = {
          assetId: a.id,
          tagId: a.tagId,
          class: a.class,
          name: a.name,
          floorId: floor.id,
          wardId: null,
          roomId: to.id,
          previousRoomId: a.roomId,
          state: "moving",
          status: a.status,
          at: new Date().toISOString(),
        };
        a.roomId = to.id;
        io.to(`assets:${floor.id}`).emit("asset:location", e);
        moved++;
      }
    }, tickMs);
    await page.waitForTimeout(o.durationMs);
    clearInterval(timer);
    await page.waitForTimeout(300);
    const moving = await longSince(from);
    const movesApplied = await page.evaluate(() => window.__moves);
    void moved;
    const summary = (l: { d: number }[]) => ({
      longestTaskMs: Math.round(Math.max(0, ...l.map((x) => x.d))),
      longTasksOver50: l.filter((x) => x.d > 50).length,
    });
    return {
      assets: o.assets,
      movesPerSec: o.movesPerSec,
      durationMs: o.durationMs,
      firstRenderMs,
      moving: { movesApplied, ...summary(moving) },
      idle: summary(idle),
    };
  } finally {
    await browser.close();
    io.close();
    server.close();
  }
}
