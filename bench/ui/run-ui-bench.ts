// `npm run bench:ui [-- --visits=5 --window=10]`: the ward page and the patient page in headless Chromium
// against the real production server, with 64 bedside monitors publishing one frame a second each.
// For each page, live and with live updates off (its Socket.IO connection refused) in the same run, the
// median over the visits of: time to first byte, time to chart, JS bytes, long tasks and frame interval
// p95 in a 10 s window; on the live ward, device → screen latency (a frame's send time to its heart rate
// in the tile's DOM). Then time to first byte and JS of every page, as a nurse, an administrator, a
// patient and signed out (`--ttfb-visits`, default 3; `BENCH_UI_TTFB=off` skips that pass). Prints tables and the goals; writes bench-results/ui.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContextOptions } from "playwright-core";
import { chromium as chromiumPath } from "@/e2e/chromium";
import { measureVisit, type VisitPlan } from "./measure-visit";
import { formatTtfb, measureTtfb, ttfbPages, type TtfbResult } from "./page-ttfb";
import { screenLatencies, type ShownValue } from "./screen-latency";
import type { ChartKind } from "./page-probe";
import { createUiFixture } from "./ui-fixture";
import { startPublishers } from "./ui-publishers";
import { ensureProductionBuild, startUiServer } from "./ui-server";
import { checkGoals, fmt, formatTable, GOALS, percentile, summariseVisits, type VisitSample } from "./ui-stats";

const BEDS = 64;

function flag(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const raw = args[i]!.includes("=") ? args[i]!.split("=")[1] : args[i + 1];
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got "${raw}")`);
  return n;
}

const log = (line: string) => console.log(line);
const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

type Column = { page: ChartKind; live: boolean; samples: VisitSample[]; heartRates: ShownValue[] };
type ScreenLatency = { p50Ms: number | null; p99Ms: number | null; samples: number; unmatched: number };

const SCREEN_GOAL_MS = 40;

async function main() {
  const visits = Math.round(flag("visits", 5));
  const windowMs = flag("window", 10) * 1000;
  const ttfbVisits = Math.round(flag("ttfb-visits", 3));
  log(`bench:ui: ${visits} visits per page and mode, ${windowMs / 1000} s window; ${os.cpus().length} cores, load average ${loadAvg()}`);
  ensureProductionBuild(log);
  const t0 = Date.now();
  const fixture = await createUiFixture(BEDS);
  log(
    `database ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: 1 ward, ${BEDS} beds and monitors, ${fixture.historyRows.toLocaleString("en-US")} history rows`,
  );
  const cleanup: (() => Promise<void>)[] = [() => fixture.destroy()];
  try {
    const server = await startUiServer(fixture.url, log);
    cleanup.unshift(() => server.stop());
    const publishers = await startPublishers(server.mqttUrl, fixture.devices);
    cleanup.unshift(() => publishers.stop());
    await new Promise((r) => setTimeout(r, 5_000));
    log(`${BEDS} monitors live: ${publishers.sent()} frames acknowledged in the first 5 s`);

    const { executablePath, args } = await chromiumPath();
    // --disable-web-security (in the serverless Chromium's flags) zeroes Resource Timing's body sizes.
    const browser = await chromium.launch({ executablePath, args: args.filter((a) => a !== "--disable-web-security"), headless: true });
    cleanup.unshift(() => browser.close());
    const session = await signIn(browser, server.baseUrl, fixture.nurse);
    const adminSession = await signIn(browser, server.baseUrl, fixture.admin);
    const patientSession = await signIn(browser, server.baseUrl, fixture.patient);

    const urls: Record<ChartKind, string> = {
      ward: `${server.baseUrl}/wards/${fixture.wardId}`,
      patient: `${server.baseUrl}/patients/${fixture.devices[0]!.patientId}`,
    };
    const plan = (page: ChartKind, live: boolean): VisitPlan => ({
      url: urls[page],
      kind: page,
      beds: BEDS,
      live,
      windowMs,
      chartTimeoutMs: 30_000,
    });
    // One unmeasured visit per page: the server's first render of a route loads its code.
    for (const page of ["ward", "patient"] as const) await measureVisit(browser, session, { ...plan(page, true), windowMs: 500 });

    const columns: Column[] = [];
    for (const page of ["ward", "patient"] as const)
      for (const live of [true, false]) columns.push({ page, live, samples: [], heartRates: [] });
    for (let v = 0; v < visits; v++) {
      // Alternate which mode goes first so neither always meets the machine in the same state.
      const order = v % 2 === 0 ? columns : [...columns].reverse();
      for (const c of order) {
        const { sample: s, heartRates } = await measureVisit(browser, session, plan(c.page, c.live));
        c.samples.push(s);
        c.heartRates.push(...heartRates);
        log(
          `  visit ${v + 1}/${visits} ${c.page} ${c.live ? "live" : "off "}: TTFB ${s.ttfbMs?.toFixed(0)} ms, chart ${s.chartMs?.toFixed(0) ?? "never"} ms painted (${s.chartDomMs?.toFixed(0) ?? "never"} in the DOM), longest task ${s.longTaskMaxMs.toFixed(0)} ms, frame p95 ${s.frameP95Ms?.toFixed(1)} ms, ${s.screenUpdates} value changes`,
        );
      }
    }
    const wardLive = columns.find((c) => c.page === "ward" && c.live)!;
    const matched = screenLatencies(publishers.sentLog(), wardLive.heartRates);
    const screen: ScreenLatency = {
      p50Ms: percentile(matched.latencies, 0.5),
      p99Ms: percentile(matched.latencies, 0.99),
      samples: matched.latencies.length,
      unmatched: matched.unmatched,
    };
    let pages: TtfbResult[] = [];
    if (process.env.BENCH_UI_TTFB === "off") log("time to first byte by page: skipped (BENCH_UI_TTFB=off)");
    else {
      log(
        `time to first byte of ${ttfbPages({ wardId: "", patientId: "", deviceId: "" }).length} pages, ${ttfbVisits} visits each (load average ${loadAvg()}):`,
      );
      pages = await measureTtfb(
        browser,
        server.baseUrl,
        { nurse: session, admin: adminSession, patient: patientSession },
        ttfbPages({ wardId: fixture.wardId, patientId: fixture.devices[0]!.patientId, deviceId: fixture.devices[0]!.id }),
        ttfbVisits,
      );
    }
    const loadAtEnd = loadAvg();
    report(columns, screen, pages, { visits, windowMs, sent: publishers.sent(), failed: publishers.failed(), loadAtEnd });
  } finally {
    for (const c of cleanup) await c().catch((err: unknown) => console.error("cleanup:", err instanceof Error ? err.message : err));
  }
}

async function signIn(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  baseUrl: string,
  account: { email: string; password: string },
): Promise<BrowserContextOptions["storageState"]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

function report(
  columns: Column[],
  screen: ScreenLatency,
  pages: TtfbResult[],
  run: { visits: number; windowMs: number; sent: number; failed: number; loadAtEnd: string },
) {
  const summaries = columns.map(({ heartRates: _, ...c }) => ({ ...c, summary: summariseVisits(c.samples) }));
  log("");
  log(`Ward (64 beds) and patient pages, median of ${run.visits} visits; live = 64 monitors at 1 Hz on screen,`);
  log("off = the same page with its Socket.IO connection refused (devices still publishing):");
  for (const line of formatTable(summaries.map((s) => ({ title: `${s.page} ${s.live ? "live" : "off"}`, summary: s.summary }))))
    log(`  ${line}`);
  log("");
  log("Goals (issue #13), on the live visits:");
  for (const s of summaries.filter((x) => x.live)) {
    for (const g of checkGoals(s.summary))
      log(`  ${s.page.padEnd(8)} ${g.goal.padEnd(30)} ${g.value.padStart(9)}  ${g.met === null ? "n/a" : g.met ? "met" : "NOT met"}`);
  }
  log(
    `  ward     device → screen p99 ≤ ${SCREEN_GOAL_MS} ms   ${fmt(screen.p99Ms, "ms").padStart(9)}  ${screen.p99Ms === null ? "n/a" : screen.p99Ms <= SCREEN_GOAL_MS ? "met" : "NOT met"}` +
      ` (p50 ${fmt(screen.p50Ms, "ms")}, ${screen.samples} changes matched, ${screen.unmatched} not)`,
  );
  log("");
  if (pages.length > 0) {
    log(`Time to first byte and JS by page (goals ≤ ${GOALS.ttfbMs} ms, ≤ ${GOALS.jsKiB} KiB of JS on the wire):`);
    for (const line of formatTtfb(pages, GOALS)) log(`  ${line}`);
  }
  log(`frames acknowledged ${run.sent.toLocaleString("en-US")}, failed ${run.failed}; load average at the end ${run.loadAtEnd}`);
  const out = path.join(process.cwd(), "bench-results", "ui.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), ...run, columns: summaries, screen, pages }, null, 2));
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
