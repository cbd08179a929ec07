// The plain-SVG charts' server render (what the page's HTML carries before any JavaScript runs): bars,
// lines and shaded ranges with real geometry, the axis and rule labels, and the hover layer's data.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SpendByDayChart } from "@/components/ai/spend-by-day-chart";
import { AgpChart } from "./agp-chart";
import { FlowTrendChart } from "./flow-trend-chart";
import { RescueTriggersChart } from "./rescue-triggers-chart";
import { DeviceTrendChart } from "./device-trend-chart";

const attrs = (html: string, tag: string, attr: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*?\\s${attr}="([^"]*)"`, "g"))].map((m) => m[1]!);

describe("FlowTrendChart", () => {
  const rows = [
    { day: "2026-12-01", label: "12-01", admissions: 4, discharges: 2, census: 10, occupancyPct: 50 },
    { day: "2026-12-02", label: "12-02", admissions: 0, discharges: 5, census: 7, occupancyPct: 35 },
  ];
  const html = renderToStaticMarkup(createElement(FlowTrendChart, { rows }));
  it("draws a bar per positive count and the census as a line", () => {
    expect(attrs(html, "rect", "data-bar")).toEqual(["admissions", "discharges", "discharges"]);
    expect(attrs(html, "path", "data-series")).toContain("census");
    const census = html.match(/data-series="census" d="([^"]+)"/)![1]!;
    expect(census).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });
  it("labels the axes: day labels and whole counts from zero up to the tallest value", () => {
    expect(html).toContain(">12-01<");
    expect(html).toContain(">12-02<");
    expect(html).toContain(">0<");
    expect(html).toMatch(/>1[02]</);
    expect(html).toContain('aria-label="Admissions, discharges and census over 2 days"');
  });
  it("taller counts get taller bars", () => {
    const heights = attrs(html, "rect", "height").map(Number);
    // admissions 4, discharges 2, discharges 5 (the first rects after the shades: none here)
    expect(heights[1]! / heights[0]!).toBeCloseTo(2 / 4, 1);
    expect(heights[2]! / heights[0]!).toBeCloseTo(5 / 4, 1);
  });
});

describe("SpendByDayChart", () => {
  it("stacks each day's spend by series in its colour and says when there is none", () => {
    const data = {
      series: [
        { key: "handover", label: "handover", color: "#111", totalUsd: 3 },
        { key: "brief", label: "brief", color: "#222", totalUsd: 1 },
      ],
      days: [{ day: "2026-12-01", label: "1 Dec", values: { handover: 3, brief: 1 }, totalUsd: 4, calls: 7 }],
      totalUsd: 4,
      maxDayUsd: 4,
      calls: 7,
    };
    const html = renderToStaticMarkup(createElement(SpendByDayChart, { data, title: "By feature" }));
    expect(attrs(html, "rect", "fill").filter((f) => f.startsWith("#"))).toEqual(["#111", "#222"]);
    const ys = attrs(html, "rect", "y").map(Number);
    expect(ys[1]!).toBeLessThan(ys[0]!);
    expect(html).toContain("$4.00");
    const empty = renderToStaticMarkup(createElement(SpendByDayChart, { data: { ...data, series: [], days: [] }, title: "x" }));
    expect(empty).toContain("No spend in this range.");
  });
});

describe("AgpChart", () => {
  it("shades both percentile bands, draws the median, and labels the target range", () => {
    const rows = [
      { minute: 0, outer: [60, 200] as [number, number], inner: [90, 150] as [number, number], median: 120 },
      { minute: 720 },
      { minute: 1440, outer: [60, 220] as [number, number], inner: [95, 160] as [number, number], median: 125 },
    ];
    const html = renderToStaticMarkup(
      createElement(AgpChart, {
        rows,
        yDomain: [0, 350],
        yTicks: [54, 70, 180, 250, 350],
        xTicks: [0, 720, 1440],
        formatMinute: (m) => `m${m}`,
      }),
    );
    expect(attrs(html, "path", "data-range")).toEqual(["outerLo-outerHi", "innerLo-innerHi"]);
    // the gap at noon splits the bands and the median into two pieces each
    expect(html.match(/data-range="innerLo-innerHi" d="([^"]+)"/)![1]!.match(/Z/g)).toHaveLength(2);
    expect(html.match(/data-series="median" d="([^"]+)"/)![1]!.match(/M/g)).toHaveLength(2);
    expect(html).toContain(">m720<");
    expect(html).toMatch(/>70</);
    expect(html).toMatch(/>180</);
  });
});

describe("RescueTriggersChart", () => {
  it("marks trigger days in their own colour and scales pollen on the right axis", () => {
    const rows = [
      { label: "1", rescuePuffs: 2, pollen: 3, trigger: false },
      { label: "2", rescuePuffs: 4, pollen: 9, trigger: true },
    ];
    const html = renderToStaticMarkup(createElement(RescueTriggersChart, { rows, highPollen: 7.3 }));
    expect(attrs(html, "rect", "fill")).toEqual(["var(--color-accent)", "var(--color-alarm-medium)"]);
    expect(html).toMatch(/>12</);
    expect(html).toContain('data-series="pollen"');
  });
});

describe("DeviceTrendChart", () => {
  const base = { code: "vibration" as const, title: "Vibration", unit: "mm/s", decimals: 1 };
  it("breaks the line where the device was silent and labels UTC clock times", () => {
    const from = Date.UTC(2026, 11, 1, 0);
    const h = 3_600_000;
    const points = [
      { t: from + h, v: 1.2 },
      { t: from + 2 * h, v: 1.5 },
      { t: from + 3 * h, v: null },
      { t: from + 4 * h, v: 2.5 },
      { t: from + 5 * h, v: 2.0 },
    ];
    const html = renderToStaticMarkup(
      createElement(DeviceTrendChart, { trend: { ...base, points, latest: 2.0, min: 1.2, max: 2.5 }, from, to: from + 24 * h }),
    );
    expect(html.match(/data-series="v" d="([^"]+)"/)![1]!.match(/M/g)).toHaveLength(2);
    expect(html).toContain(">04:00<");
    expect(html).toContain("range 1.2 mm/s – 2.5 mm/s");
  });
  it("says there were no readings instead of drawing an empty plot", () => {
    const html = renderToStaticMarkup(
      createElement(DeviceTrendChart, { trend: { ...base, points: [], latest: null, min: null, max: null }, from: 0, to: 1 }),
    );
    expect(html).toContain("No readings in the last 24 hours");
    expect(html).not.toContain("<svg viewBox");
  });
});
