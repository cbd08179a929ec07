// The trend chart's server render (what the patient page's HTML carries before any JavaScript runs): the
// lines with their paths, the axis labels, limit labels and alarm markers.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AlarmMarker, LimitLine } from "@/lib/charts/prepare-limits";
import { VitalTrendChart, type VitalTrendChartProps } from "./vital-trend-chart";

const limit: LimitLine = {
  key: "heart_rate-high",
  code: "heart_rate",
  kind: "high",
  y: 120,
  label: "HR hi 120",
  color: "red",
  critical: false,
  patientOverride: false,
};
const marker: AlarmMarker = { id: "a1", t: 1_500, y: 130, atValue: true, priority: "high", color: "red", title: "HR 130 at 00:00" };

const props: VitalTrendChartProps = {
  code: "heart_rate",
  title: "Pulse",
  unit: "bpm",
  decimals: 0,
  rows: [
    { t: 1_000, heart_rate: 80 },
    { t: 1_500, heart_rate: 130 },
    { t: 2_000, heart_rate: 90 },
  ],
  lines: [{ key: "heart_rate", label: "Pulse", color: "green" }],
  xDomain: [1_000, 3_000],
  yDomain: [40, 140],
  yTicks: [40, 90, 140],
  xTicks: [2_000],
  formatTick: (t) => `T${t}`,
  band: { y1: 51, y2: 90, label: "NEWS2 0: 51–90" },
  limits: [limit],
  markers: [marker],
  dots: false,
  connectNulls: false,
  latest: "90",
  latestAt: "00:00",
};

const render = (p: VitalTrendChartProps) => renderToStaticMarkup(createElement(VitalTrendChart, p));

describe("VitalTrendChart (server render)", () => {
  it("draws each line as a path in the HTML", () => {
    const html = render(props);
    const d = html.match(/data-trend-line="heart_rate" d="([^"]+)"/)?.[1];
    // x: 0, 250, 500 of 1000; y of a 150 px plot (180 - 6 - 24): 80 → 90, 130 → 15, 90 → 75.
    expect(d).toBe("M0,90L250,15L500,75");
  });

  it("labels both axes, the band and the limit, and marks the alarm", () => {
    const html = render(props);
    for (const text of ["T2000", ">40<", ">90<", ">140<", "NEWS2 0: 51–90", "HR hi 120", "HR 130 at 00:00"]) expect(html).toContain(text);
    expect(html).toContain('data-testid="alarm-marker"');
    expect(html).toContain('data-priority="high"');
  });

  it("shows the placeholder instead of a plot", () => {
    const html = render({ ...props, placeholder: "No readings in this range" });
    expect(html).toContain("No readings in this range");
    expect(html).not.toContain("data-trend-line");
  });

  it("draws a score as steps and sparse readings as dots", () => {
    const html = render({ ...props, lineType: "stepAfter", dots: true });
    expect(html).toMatch(/data-trend-line="heart_rate" d="M0,90H250V15H500V75"/);
    expect(html).toContain('d="M0,90h0M250,15h0M500,75h0"');
  });
});
