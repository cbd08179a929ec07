import { describe, expect, it } from "vitest";
import { formatParameterBlock } from "@/lib/ai/prompts/context-block";
import { composeDemoAnswer, DEMO_HOW_TO, DEMO_NOTICE } from "./compose";

const user = (...blocks: [string, unknown][]) => [
  { role: "user", content: blocks.map(([n, v]) => formatParameterBlock(n, v as never)).join("\n") },
];

const VITALS = [
  { at: "-15 min", heart_rate: 118, spo2: 91, resp_rate: 25, bp_sys: 98, temp: 38.6 },
  { at: "-3 h 10 min", heart_rate: 92, spo2: 96, resp_rate: 18, bp_sys: 124, temp: 37.4 },
];

describe("composeDemoAnswer", () => {
  it("writes an SBAR handover from vitals, NEWS2 trend and open alerts, oldest reading first", () => {
    const text = composeDemoAnswer(
      user(
        ["patient.vitals_window", VITALS],
        [
          "patient.news2_trend",
          [
            { at: "-3 h", total: 2 },
            { at: "-15 min", total: 9 },
          ],
        ],
        ["patient.open_alerts", [{ at: "-20 min", priority: "high", title: "SpO2 low", state: "open" }]],
      ),
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe(`Handover summary (SBAR) — ${DEMO_NOTICE}`);
    expect(lines.at(-1)).toBe(DEMO_HOW_TO);
    expect(text).toContain("S — Situation: NEWS2 9, high: emergency review within 30 minutes");
    expect(text).toContain("Open alerts: SpO2 low (high) -20 min.");
    expect(text).toContain("B — Background: 10 readings of 5 vital signs from -3 h 10 min to -15 min; NEWS2 2 → 9.");
    expect(text).toContain("SpO₂ 91 % (91–96, falling)");
    expect(text).toContain("Pulse 118 bpm (92–118, rising)");
    expect(text).toContain("A single parameter scores 3: SpO₂, Resp. rate.");
    expect(text).toMatch(/R — Recommendation: emergency review within 30 minutes.*check the probe and waveform/);
  });

  it("uses the NEWS2 bands of the product brief", () => {
    const band = (total: number) => composeDemoAnswer(user(["patient.news2_trend", [{ at: "-5 min", total }]])).split("\n")[2];
    expect(band(7)).toContain("NEWS2 7, high");
    expect(band(5)).toContain("NEWS2 5, medium: urgent review within 1 hour");
    expect(band(2)).toContain("NEWS2 2, low: ward-based care");
  });

  it("explains an alert: why, the trend before it, what to check, the trail", () => {
    const text = composeDemoAnswer(
      user([
        "alert.context",
        {
          alert: { title: "SpO2 low", priority: "high", at: "-20 min", metric: "spo2" },
          trend: VITALS,
          trail: [{ at: "-10 min", event: "acknowledged", who: "a nurse" }],
        },
      ]),
    );
    expect(text.split("\n")[0]).toBe(`Alert explanation — ${DEMO_NOTICE}`);
    expect(text).toContain("Why it fired: SpO2 low (high priority), raised -20 min.");
    expect(text).toContain("Trend before it: SpO₂ 96 % → 91 % from -3 h 10 min to -15 min (falling).");
    expect(text).toContain("What to check: check the probe and waveform");
    expect(text).toContain("Trail: a nurse acknowledged -10 min.");
  });

  it("briefs a ward: the deteriorating first, alarms by priority, stale devices", () => {
    const text = composeDemoAnswer(
      user([
        "ward.census_and_alerts",
        {
          patients: [
            { patient: "patient A", bed: "1", news2: 2 },
            { patient: "patient B", bed: "3", news2: 5 },
            { patient: "patient C", bed: "5", news2: 8 },
          ],
          openAlerts: [{ patient: "patient C", title: "SpO2 low", priority: "high", at: "-5 min" }],
          staleDevices: [{ device: "device A", title: "offline", at: "-45 min" }],
        },
      ]),
    );
    expect(text).toContain("Census: 3 patients.");
    expect(text).toContain("Deteriorating: patient C (bed 5) NEWS2 8, high; patient B (bed 3) NEWS2 5, medium.");
    expect(text).toContain("Open alarms: 1 (1 high, 0 medium, 0 low): patient C SpO2 low (high) -5 min.");
    expect(text).toContain("Stale devices: device A offline -45 min.");
  });

  it("explains maintenance findings with what to do", () => {
    const text = composeDemoAnswer(
      user([
        "device.maintenance_findings",
        {
          device: "device A",
          type: "infusion_pump",
          firmware: "5.1.3",
          findings: [{ title: "Service due", at: "+3 d" }],
          readings: [
            { at: "-2 h", vibration: 0.9 },
            { at: "-5 min", vibration: 1.4 },
          ],
        },
      ]),
    );
    expect(text).toContain("Device: device A, infusion_pump, firmware 5.1.3.");
    expect(text).toContain("Findings: Service due +3 d.");
    expect(text).toContain("Vibration 1.40 g (0.90–1.40, rising)");
    expect(text).toContain("What to do: schedule preventive maintenance before the due date passes; inspect the pump mechanism");
  });

  it("summarises anything else, and is the same for the same input", () => {
    const messages = user(["patient.cgm_summary_unknown_shape", { a: 1 }]);
    expect(composeDemoAnswer(messages)).toBe(composeDemoAnswer(messages));
    expect(composeDemoAnswer([{ role: "user", content: "What is the weather?" }])).toContain("Summary — ");
  });
});
