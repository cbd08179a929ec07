// Entry of `npm run bench:alarms`: runs each section of the alarm bench in turn, prints its table and writes
// every section's rows to bench-results/alarms.json. Section 1 ("detectors") replays the simulator's scripted
// scenarios through the detectors in fast-forward (lead time, false alarms per bed/device-day, against naive
// baselines measured in the same run). Further sections (e.g. live latency from a raised alarm to a socket
// client) are added by appending a function returning an AlarmBenchSection to SECTIONS.
//
// Flags: --beds=N (default 20), --devices=N (default = beds), --hours=H (default 24), --seed=S.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compareToBaselines, evaluateDetectors, type AlarmReportRow, type DetectorEvaluationOptions } from "./evaluate-detectors";
import type { AlarmBenchSection, BenchFlags } from "./bench-section";

export function parseFlags(argv: readonly string[]): BenchFlags {
  const get = (name: string): number | undefined => {
    const hit = argv.find((a) => a.startsWith(`--${name}=`));
    if (!hit) return undefined;
    const n = Number(hit.slice(name.length + 3));
    if (!Number.isFinite(n) || n <= 0) throw new RangeError(`--${name} must be a positive number`);
    return n;
  };
  const beds = get("beds") ?? 20;
  return { beds, devices: get("devices") ?? beds, hours: get("hours") ?? 24, seed: get("seed") ?? 100_000 };
}

/** A plain-text table with left-aligned text and right-aligned numbers. */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string[] {
  const cells = rows.map((r) => r.map((c) => (c === null ? "—" : typeof c === "number" ? String(c) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === "number" || r[i] === null));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join(" | ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)];
}

/** The detector section's rows (pure replay; no server, no real time). */
export function detectorReportRows(opts: DetectorEvaluationOptions = {}): AlarmReportRow[] {
  return evaluateDetectors(opts);
}

export async function detectorSection(flags: BenchFlags): Promise<AlarmBenchSection> {
  const started = performance.now();
  const rows = detectorReportRows({ beds: flags.beds, devices: flags.devices, hours: flags.hours, seed: flags.seed });
  const comparisons = compareToBaselines(rows);
  const fmt = (x: number) => Math.round(x * 1000) / 1000;
  const table = formatTable(
    [
      "detector",
      "kind",
      "scenario",
      "events",
      "in time",
      "timing",
      "median min",
      "worst min",
      "false alarms",
      "healthy days",
      "per day",
      "95% upper",
    ],
    rows.map((r) => [
      r.detector,
      r.kind,
      r.scenario,
      r.events,
      r.detected,
      r.timing,
      r.medianMin,
      r.worstMin,
      r.falseAlarms,
      fmt(r.exposureDays),
      fmt(r.falseAlarmsPerDay),
      fmt(r.falseAlarmsPerDayUpper95),
    ]),
  );
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.detector} [${r.scenario}]: ${r.note}`);
  const versus = formatTable(
    ["detector", "vs baseline", "median gain min", "false-alarm ratio"],
    comparisons.map((c) => [c.detector, c.baseline, c.medianGainMin, c.falseAlarmRatio]),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    name: "detectors",
    title: `Detectors: ${flags.beds} beds, ${flags.devices} pumps and ${flags.devices} fridges per scenario, ${flags.hours} h simulated (${seconds.toFixed(1)} s)`,
    rows,
    lines: [
      ...table,
      "",
      "lead = minutes before the event (NEWS2 ≥ 5 / pump failure); delay = minutes after the excursion or outage began;",
      "worst = smallest lead or largest delay; false alarms on the healthy scenario, per bed-, device- or fridge-day,",
      "with the one-sided 95% Poisson upper bound (0 false alarms in 20 days still allows up to 0.15/day).",
      ...notes,
      "",
      ...versus,
      "(median gain: positive = detector earlier; false-alarm ratio: detector ÷ baseline, — when the baseline had none)",
    ],
    details: { flags, comparisons, elapsedSeconds: Math.round(seconds * 10) / 10 },
  };
}

/** Sections run in order; append further sections here. */
export const SECTIONS: ((flags: BenchFlags) => Promise<AlarmBenchSection>)[] = [
  detectorSection,
  async (flags) => (await import("./alarm-latency")).alarmLatencySection(flags),
];

export async function runAlarmsBench(
  flags: BenchFlags,
  outFile = path.join(process.cwd(), "bench-results", "alarms.json"),
): Promise<AlarmBenchSection[]> {
  const done: AlarmBenchSection[] = [];
  for (const section of SECTIONS) {
    const s = await section(flags);
    done.push(s);
    console.log(`\n== ${s.title}\n`);
    for (const l of s.lines) console.log(l);
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  const json = {
    bench: "alarms",
    generatedAt: new Date().toISOString(),
    sections: Object.fromEntries(done.map((s) => [s.name, { title: s.title, rows: s.rows, ...s.details }])),
  };
  writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`);
  return done;
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  runAlarmsBench(parseFlags(process.argv.slice(2))).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
