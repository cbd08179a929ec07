// One visit of a page in a fresh browser context (cold cache, the nurse's session cookie): navigate, wait
// for the chart to be painted, watch a 10 s window, then read the probe, the navigation timing and the JS resources.
// "Live off" refuses the page's Socket.IO connection (the WebSocket is closed by routeWebSocket, polling
// requests are aborted by page.route), so the page shows what the server rendered and never updates; the
// devices keep publishing, so the server's load is the same in both modes.
import type { Browser, BrowserContextOptions } from "playwright-core";
import { probeScript, type ChartKind } from "./page-probe";
import type { ShownValue } from "./screen-latency";
import { visitFigures, type ProbeData, type VisitSample } from "./ui-stats";

export type VisitPlan = {
  url: string;
  kind: ChartKind;
  beds: number;
  live: boolean;
  windowMs: number;
  chartTimeoutMs: number;
};

/** The visit's figures, and the ward's heart-rate changes inside the window (for the device → screen latency). */
export type VisitResult = { sample: VisitSample; heartRates: ShownValue[] };

type PageFacts = ProbeData & {
  heartRates: ShownValue[];
  now: number;
  screenUpdates: number;
  ttfbMs: number | null;
  jsEncodedBytes: number;
  jsDecodedBytes: number;
};

/** An expression for the page: its scripts' bytes on the wire and decoded (Resource Timing, each URL once). */
export const READ_SCRIPT_BYTES = `(() => {
  const seen = new Set();
  let encoded = 0, decoded = 0;
  for (const r of performance.getEntriesByType("resource")) {
    let path = "";
    try { path = new URL(r.name).pathname; } catch (e) {}
    if (!(r.initiatorType === "script" || path.endsWith(".js")) || seen.has(r.name)) continue;
    seen.add(r.name);
    encoded += r.encodedBodySize;
    decoded += r.decodedBodySize;
  }
  return { encoded, decoded };
})()`;

const READ_FACTS = `(() => {
  const p = window.__uiBench;
  const nav = performance.getEntriesByType("navigation")[0];
  const js = ${READ_SCRIPT_BYTES};
  return {
    now: performance.now(),
    chartAt: p.chartAt,
    chartPaintedAt: p.chartPaintedAt,
    longTasks: p.longTasks,
    frames: p.frames,
    screenUpdates: p.screenUpdates,
    heartRates: p.heartRates,
    ttfbMs: nav ? nav.responseStart - nav.startTime : null,
    jsEncodedBytes: js.encoded,
    jsDecodedBytes: js.decoded,
  };
})()`;

export async function measureVisit(
  browser: Browser,
  session: BrowserContextOptions["storageState"],
  plan: VisitPlan,
): Promise<VisitResult> {
  const context = await browser.newContext({ storageState: session, viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(plan.kind, plan.beds) });
    if (!plan.live) {
      await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
      await page.route(/\/socket\.io\//, (route) => route.abort());
    }
    await page.goto(plan.url, { waitUntil: "load" });
    await page
      .waitForFunction(`window.__uiBench && window.__uiBench.chartPaintedAt !== null`, undefined, { timeout: plan.chartTimeoutMs })
      .catch(() => undefined);
    const start = (await page.evaluate(
      `({ now: performance.now(), epoch: performance.timeOrigin + performance.now(), screenUpdates: window.__uiBench.screenUpdates })`,
    )) as { now: number; epoch: number; screenUpdates: number };
    await page.waitForTimeout(plan.windowMs);
    const facts = (await page.evaluate(READ_FACTS)) as PageFacts;
    if (new URL(page.url()).pathname === "/login") throw new Error(`${plan.url} redirected to /login: the session is not valid`);
    const sample = visitFigures(
      facts,
      { start: start.now, end: facts.now },
      {
        ttfbMs: facts.ttfbMs,
        jsEncodedBytes: facts.jsEncodedBytes,
        jsDecodedBytes: facts.jsDecodedBytes,
        screenUpdates: facts.screenUpdates - start.screenUpdates,
      },
    );
    return { sample, heartRates: facts.heartRates.filter((h) => h.at >= start.epoch) };
  } finally {
    await context.close();
  }
}
