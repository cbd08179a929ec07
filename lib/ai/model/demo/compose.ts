// The demo model's answers: deterministic text composed from the de-identified context blocks in the
// messages (lib/ai/prompts/context-block). Which answer is chosen by the blocks present: `alert.context`
// → alert explanation; `ward.census_and_alerts` → ward brief; `device.maintenance_findings` →
// maintenance explanation; any `patient.*` block (or a prompt asking for SBAR / a handover) → SBAR
// handover; otherwise a generic summary of the data. Every answer opens by saying it is template output.
import { parseContextBlocks, type ContextBlock } from "@/lib/ai/prompts/context-block";
import { checksFor, describeSeries, metricLabel, metricText, news2Response, singleScore, trendWord } from "./clinical-text";
import { isObject, itemsUnder, pickNumber, pickString, readings, seriesByMetric, type Item, type Series } from "./extract";

export const DEMO_NOTICE = "Template output from the built-in demo model, not a language model.";
export const DEMO_HOW_TO = "Set OPENAI_BASE_URL and OPENAI_API_KEY to have a language model write this.";

export type DemoMessage = { role: string; content: string };
export type DemoKind = "handover" | "alert" | "ward" | "maintenance" | "summary";

export function chooseKind(blocks: readonly ContextBlock[], prompt: string): DemoKind {
  const names = new Set(blocks.map((b) => b.name));
  if (names.has("alert.context")) return "alert";
  if (names.has("ward.census_and_alerts")) return "ward";
  if (names.has("device.maintenance_findings")) return "maintenance";
  if ([...names].some((n) => n.startsWith("patient.")) || /\b(SBAR|handover)\b/i.test(prompt)) return "handover";
  return "summary";
}

function itemText(i: Item): string {
  const parts = [
    i.who,
    i.title,
    i.priority ? `(${i.priority})` : undefined,
    i.at,
    i.state && i.state !== "open" ? `[${i.state}]` : undefined,
  ];
  return parts.filter(Boolean).join(" ");
}

function listOr(items: readonly string[], none: string, max = 6): string {
  if (items.length === 0) return none;
  const shown = items.slice(0, max).join("; ");
  return items.length > max ? `${shown}; and ${items.length - max} more` : shown;
}

function span(series: readonly Series[]): string {
  const from = Math.min(...series.map((s) => s.from ?? 0));
  const to = Math.max(...series.map((s) => s.to ?? 0));
  const fmt = (m: number) =>
    m === 0
      ? "now"
      : `${m < 0 ? "-" : "+"}${Math.abs(m) >= 60 ? `${Math.floor(Math.abs(m) / 60)} h ${Math.abs(m) % 60} min` : `${Math.abs(m)} min`}`;
  return series.some((s) => s.from !== null) ? ` from ${fmt(from)} to ${fmt(to)}` : "";
}

function news2Of(blocks: readonly ContextBlock[], series: readonly Series[]): Series | undefined {
  return (
    series.find((s) => s.metric === "news2") ??
    seriesByMetric(readings(blocks.find((b) => b.name === "patient.news2_trend")?.value ?? [])).find((s) => s.metric === "news2")
  );
}

function news2TotalsIn(value: unknown): number[] {
  const out: number[] = [];
  for (const row of Array.isArray(value) ? value : [])
    if (isObject(row)) {
      const n = pickNumber(row, ["news2", "total", "score"]);
      if (n !== undefined) out.push(n);
    }
  return out;
}

function handover(blocks: readonly ContextBlock[]): string[] {
  const all = blocks.filter((b) => b.name !== "patient.open_alerts");
  const series = seriesByMetric(readings(all.map((b) => b.value))).filter((s) => s.metric !== "news2");
  const trend = news2TotalsIn(blocks.find((b) => b.name === "patient.news2_trend")?.value);
  const news2 = news2Of(blocks, series)?.last ?? trend[trend.length - 1];
  const alerts = itemsUnder(blocks.find((b) => b.name === "patient.open_alerts")?.value ?? [], /alert/i);
  const redFlags = series.filter((s) => singleScore(s.metric, s.last) === 3);
  const situation = news2 === undefined ? "No NEWS2 score in the data." : `NEWS2 ${news2}, ${news2Response(news2, redFlags.length > 0)}.`;
  const count = series.reduce((n, s) => n + s.count, 0);
  const checks = [
    ...new Set(
      series
        .filter((s) => (singleScore(s.metric, s.last) ?? 0) >= 2)
        .map((s) => checksFor(s.metric))
        .filter(Boolean),
    ),
  ];
  return [
    "Handover summary (SBAR)",
    `S — Situation: ${situation} Open alerts: ${listOr(alerts.map(itemText), "none")}.`,
    `B — Background: ${count} readings of ${series.length} vital signs${span(series)}${trend.length > 1 ? `; NEWS2 ${trend.join(" → ")}` : ""}.`,
    `A — Assessment: ${listOr(series.map(describeSeries), "no vital signs in the data", 8)}.${redFlags.length ? ` A single parameter scores 3: ${redFlags.map((s) => metricLabel(s.metric)).join(", ")}.` : ""}`,
    `R — Recommendation: ${news2 === undefined ? "take a full set of observations and score NEWS2" : news2Response(news2, redFlags.length > 0).replace(/^[a-z-]+(?: \([^)]*\))?: /, "")}${checks.length ? `; ${checks.join("; ")}` : ""}.`,
  ];
}

function alertExplanation(blocks: readonly ContextBlock[]): string[] {
  const ctx = blocks.find((b) => b.name === "alert.context")?.value;
  const alert = isObject(ctx) && isObject(ctx.alert) ? ctx.alert : isObject(ctx) ? ctx : {};
  const title = pickString(alert, ["title", "message", "summary", "rule", "kind"]) ?? "the alert";
  const metric = pickString(alert, ["metric"]);
  const series = seriesByMetric(readings(isObject(ctx) ? (ctx.trend ?? ctx.readings ?? ctx.vitals ?? []) : []));
  const focus = series.filter((s) => !metric || s.metric === metric);
  const trail = itemsUnder(isObject(ctx) ? (ctx.trail ?? ctx.events ?? []) : [], /trail|event/i);
  const checks = [...new Set(focus.map((s) => checksFor(s.metric)).filter(Boolean))];
  const technical = /offline|battery|sensor|signal|silent|inop/i.test(title);
  return [
    "Alert explanation",
    `Why it fired: ${title}${pickString(alert, ["priority"]) ? ` (${pickString(alert, ["priority"])} priority)` : ""}${pickString(alert, ["at", "raisedAt"]) ? `, raised ${pickString(alert, ["at", "raisedAt"])}` : ""}.`,
    `Trend before it: ${listOr(
      focus.map(
        (s) => `${metricLabel(s.metric)} ${metricText(s.metric, s.first)} → ${metricText(s.metric, s.last)}${span([s])} (${trendWord(s)})`,
      ),
      "no readings before the alert in the data",
    )}.`,
    `What to check: ${technical ? "power, connection and sensor attachment of the device; then confirm the patient's condition directly" : checks.length ? checks.join("; ") : "confirm the reading at the bedside and assess the patient"}.`,
    `Trail: ${listOr(trail.map(itemText), "no actions recorded yet")}.`,
  ];
}

function wardBrief(blocks: readonly ContextBlock[]): string[] {
  const ctx = blocks.find((b) => b.name === "ward.census_and_alerts")?.value;
  const patients = itemsUnder(ctx, /patients|census|beds/i);
  const rows = (isObject(ctx) && Array.isArray(ctx.patients) ? ctx.patients : []).filter(isObject);
  const ranked = rows
    .map((r) => ({
      who: pickString(r, ["patient", "label", "name"]) ?? "a patient",
      bed: pickString(r, ["bed"]),
      news2: pickNumber(r, ["news2", "score", "total"]),
    }))
    .filter((r) => r.news2 !== undefined)
    .sort((a, b) => (b.news2 ?? 0) - (a.news2 ?? 0));
  const deteriorating = ranked
    .filter((r) => (r.news2 ?? 0) >= 5)
    .map((r) => `${r.who}${r.bed ? ` (bed ${r.bed})` : ""} NEWS2 ${r.news2}, ${news2Response(r.news2 ?? 0, false).split(":")[0]}`);
  const alerts = itemsUnder(ctx, /alert|alarm/i);
  const byPriority = ["high", "medium", "low"].map((p) => `${alerts.filter((a) => a.priority === p).length} ${p}`).join(", ");
  const stale = itemsUnder(ctx, /stale|offline|devices/i);
  return [
    "Ward brief",
    `Census: ${Math.max(rows.length, patients.length)} patients.`,
    `Deteriorating: ${listOr(deteriorating, "no patient with NEWS2 of 5 or more")}.`,
    `Open alarms: ${alerts.length} (${byPriority}): ${listOr(alerts.map(itemText), "none")}.`,
    `Stale devices: ${listOr(stale.map(itemText), "none")}.`,
  ];
}

function maintenance(blocks: readonly ContextBlock[]): string[] {
  const ctx = blocks.find((b) => b.name === "device.maintenance_findings")?.value;
  const device = isObject(ctx) ? ctx : {};
  const findings = itemsUnder(ctx, /findings|alarms|alerts|issues/i);
  const series = seriesByMetric(readings(ctx));
  const facts = [
    pickString(device, ["device", "label"]),
    pickString(device, ["type"]),
    pickString(device, ["firmware", "firmwareVersion"]) && `firmware ${pickString(device, ["firmware", "firmwareVersion"])}`,
  ]
    .filter(Boolean)
    .join(", ");
  const actions = [
    ...new Set(
      findings.map((f) => {
        const t = f.title.toLowerCase();
        if (/service|maintenance|due/.test(t)) return "schedule preventive maintenance before the due date passes";
        if (/battery/.test(t)) return "charge or replace the battery";
        if (/silent|offline|gap|logger/.test(t)) return "check power and network; fill the logging gap in the compliance record";
        if (/firmware|patch|update/.test(t)) return "plan the firmware update";
        return "inspect the device and compare with its normal range";
      }),
    ),
  ];
  return [
    "Maintenance explanation",
    `Device: ${facts || "the device"}.`,
    `Findings: ${listOr(findings.map(itemText), "none recorded")}.`,
    `Readings: ${listOr(series.map(describeSeries), "none in the data")}.`,
    `What to do: ${listOr(
      [...actions, ...series.map((s) => checksFor(s.metric)).filter((c): c is string => Boolean(c))].filter(
        (v, i, a) => a.indexOf(v) === i,
      ),
      "no action needed from the data given",
    )}.`,
  ];
}

function summary(blocks: readonly ContextBlock[]): string[] {
  const described = blocks.map(
    (b) =>
      `${b.name || "data"} (${Array.isArray(b.value) ? `${b.value.length} items` : isObject(b.value) ? `${Object.keys(b.value).length} fields` : "a value"})`,
  );
  const series = seriesByMetric(readings(blocks.map((b) => b.value)));
  return [
    "Summary",
    `Data given: ${listOr(described, "no data blocks")}.`,
    `Values: ${listOr(series.map(describeSeries), "no vital signs or device readings")}.`,
  ];
}

/** The demo model's answer to a chat: deterministic for the same messages. */
export function composeDemoAnswer(messages: readonly DemoMessage[]): string {
  const text = messages
    .filter((m) => m.role !== "assistant")
    .map((m) => m.content)
    .join("\n");
  const blocks = parseContextBlocks(text);
  const kind = chooseKind(blocks, text);
  const body =
    kind === "alert"
      ? alertExplanation(blocks)
      : kind === "ward"
        ? wardBrief(blocks)
        : kind === "maintenance"
          ? maintenance(blocks)
          : kind === "handover"
            ? handover(blocks)
            : summary(blocks);
  const [title, ...lines] = body;
  return [`${title} — ${DEMO_NOTICE}`, "", ...lines, "", DEMO_HOW_TO].join("\n");
}
