// The browser bench's arithmetic: what one visit measured, the figures drawn from a visit's raw probe
// data (long tasks and frame intervals inside the measuring window), the median over visits, and the
// issue's goals judged beside them. Pure: no browser, no server (unit-tested in ui-stats.test.ts).

/** What the page probe recorded during one visit (times in ms on the page's performance clock). */
export type ProbeData = {
  /** performance.now() when the chart was first in the DOM, null if it never was. */
  chartAt: number | null;
  /** performance.now() after the first frame painted with the chart in it (the frame after chartAt), null if none was. */
  chartPaintedAt: number | null;
  longTasks: { start: number; duration: number }[];
  /** requestAnimationFrame timestamps. */
  frames: number[];
};

/** One visit's figures. */
export type VisitSample = {
  ttfbMs: number | null;
  /** Time to chart: the chart painted (navigation start → the frame that showed it). */
  chartMs: number | null;
  /** The chart in the DOM (before it is painted). */
  chartDomMs: number | null;
  jsEncodedBytes: number;
  jsDecodedBytes: number;
  /** Long tasks that started inside the measuring window. */
  longTaskCount: number;
  longTaskMaxMs: number;
  longTaskTotalMs: number;
  /** Longest task between navigation and the window (first render, hydration, even after a server-drawn chart). */
  loadLongTaskMaxMs: number;
  frameP95Ms: number | null;
  /** Changes to shown values (ward: a vital's number; patient: a drawn line) inside the window: shows whether live updates reached the screen. */
  screenUpdates: number;
};

/** The median visit: each figure the median of that figure over the visits. */
export type VisitSummary = { [K in keyof VisitSample]: number | null } & { visits: number; chartMissing: number };

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (q in 0..1): the smallest sample with at least q of the samples at or below it. */
export function percentile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * s.length));
  return s[Math.min(s.length, rank) - 1]!;
}

/** Long tasks that started in [from, to): count, longest and total duration. */
export function summariseLongTasks(tasks: ProbeData["longTasks"], from: number, to: number): { count: number; max: number; total: number } {
  const inside = tasks.filter((t) => t.start >= from && t.start < to);
  return {
    count: inside.length,
    max: inside.reduce((m, t) => Math.max(m, t.duration), 0),
    total: inside.reduce((sum, t) => sum + t.duration, 0),
  };
}

/** Intervals between consecutive animation frames inside [from, to). */
export function frameIntervals(frames: readonly number[], from: number, to: number): number[] {
  const inside = frames.filter((t) => t >= from && t < to).sort((a, b) => a - b);
  return inside.slice(1).map((t, i) => t - inside[i]!);
}

/** The time to chart: when the chart was painted; never if it was never in the DOM or no frame followed. */
export function paintedChartMs(probe: Pick<ProbeData, "chartAt" | "chartPaintedAt">): number | null {
  if (probe.chartAt === null || probe.chartPaintedAt === null) return null;
  return Math.max(probe.chartAt, probe.chartPaintedAt);
}

/** One visit's figures from the probe's data, the window being [windowStart, windowEnd). */
export function visitFigures(
  probe: ProbeData,
  window: { start: number; end: number },
  nav: { ttfbMs: number | null; jsEncodedBytes: number; jsDecodedBytes: number; screenUpdates: number },
): VisitSample {
  const inWindow = summariseLongTasks(probe.longTasks, window.start, window.end);
  // Everything before the window: loading, the first draw and hydration, which may follow a chart the
  // server drew into the HTML (the patient page).
  const load = summariseLongTasks(probe.longTasks, 0, window.start);
  return {
    ttfbMs: nav.ttfbMs,
    chartMs: paintedChartMs(probe),
    chartDomMs: probe.chartAt,
    jsEncodedBytes: nav.jsEncodedBytes,
    jsDecodedBytes: nav.jsDecodedBytes,
    longTaskCount: inWindow.count,
    longTaskMaxMs: inWindow.max,
    longTaskTotalMs: inWindow.total,
    loadLongTaskMaxMs: load.max,
    frameP95Ms: percentile(frameIntervals(probe.frames, window.start, window.end), 0.95),
    screenUpdates: nav.screenUpdates,
  };
}

const FIELDS: (keyof VisitSample)[] = [
  "ttfbMs",
  "chartMs",
  "chartDomMs",
  "jsEncodedBytes",
  "jsDecodedBytes",
  "longTaskCount",
  "longTaskMaxMs",
  "longTaskTotalMs",
  "loadLongTaskMaxMs",
  "frameP95Ms",
  "screenUpdates",
];

/** The median of each figure over the visits (a figure missing in a visit is left out of its median). */
export function summariseVisits(samples: readonly VisitSample[]): VisitSummary {
  const out = { visits: samples.length, chartMissing: samples.filter((s) => s.chartMs === null).length } as VisitSummary;
  for (const f of FIELDS) {
    out[f] = median(samples.map((s) => s[f]).filter((v): v is number => v !== null));
  }
  return out;
}

export const GOALS = { chartMs: 300, jsKiB: 200, ttfbMs: 100, longTaskMs: 50 } as const;

export type GoalCheck = { goal: string; value: string; met: boolean | null };

const kib = (bytes: number | null) => (bytes === null ? null : bytes / 1024);

/** The goals judged on a page's median live visit (JS on the wire, i.e. encoded bytes). */
export function checkGoals(live: VisitSummary): GoalCheck[] {
  const js = kib(live.jsEncodedBytes);
  const judge = (v: number | null, limit: number) => (v === null ? null : v <= limit);
  return [
    {
      goal: `time to chart ≤ ${GOALS.chartMs} ms`,
      value: fmt(live.chartMs, "ms"),
      met: live.chartMissing > 0 ? false : judge(live.chartMs, GOALS.chartMs),
    },
    { goal: `JS ≤ ${GOALS.jsKiB} KiB`, value: fmt(js, "KiB"), met: judge(js, GOALS.jsKiB) },
    { goal: `TTFB ≤ ${GOALS.ttfbMs} ms`, value: fmt(live.ttfbMs, "ms"), met: judge(live.ttfbMs, GOALS.ttfbMs) },
    {
      goal: `no long task > ${GOALS.longTaskMs} ms (live)`,
      value: fmt(live.longTaskMaxMs, "ms"),
      met: judge(live.longTaskMaxMs, GOALS.longTaskMs),
    },
  ];
}

export function fmt(v: number | null, unit: "ms" | "KiB" | ""): string {
  if (v === null) return "—";
  const n = unit === "KiB" || v >= 100 ? Math.round(v).toLocaleString("en-US") : (Math.round(v * 10) / 10).toString();
  return unit ? `${n} ${unit}` : n;
}

/** Rows of the printed table: one per figure, a column per (page, mode). */
export function formatTable(columns: { title: string; summary: VisitSummary }[]): string[] {
  const rows: [string, (s: VisitSummary) => string][] = [
    ["time to first byte", (s) => fmt(s.ttfbMs, "ms")],
    ["time to chart (painted)", (s) => fmt(s.chartMs, "ms") + (s.chartMissing ? ` (${s.chartMissing} never)` : "")],
    ["chart in the DOM", (s) => fmt(s.chartDomMs, "ms")],
    ["JS on the wire (encoded)", (s) => fmt(kib(s.jsEncodedBytes), "KiB")],
    ["JS decoded", (s) => fmt(kib(s.jsDecodedBytes), "KiB")],
    ["long tasks in 10 s: count", (s) => fmt(s.longTaskCount, "")],
    ["long tasks in 10 s: longest", (s) => fmt(s.longTaskMaxMs, "ms")],
    ["long tasks in 10 s: total", (s) => fmt(s.longTaskTotalMs, "ms")],
    ["longest task before the window", (s) => fmt(s.loadLongTaskMaxMs, "ms")],
    ["frame interval p95", (s) => fmt(s.frameP95Ms, "ms")],
    ["value/line changes in 10 s", (s) => fmt(s.screenUpdates, "")],
  ];
  const table = [
    ["median of visits", ...columns.map((c) => `${c.title} (${c.summary.visits})`)],
    ...rows.map(([name, f]) => [name, ...columns.map((c) => f(c.summary))]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
}
