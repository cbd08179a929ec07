// Pure preparation of alarm overlays on the patient's charts: the effective alarm limits as horizontal
// reference lines (coloured as the alarm each would raise, IEC 60601-1-8), the values that widen a chart's
// axis so its limits stay in view, and markers where alarms were raised, mapped to a chart by rule name
// ("spo2.low", "spo2.desat" → SpO₂; "bp_sys.high" → BP; "news2.high" → NEWS2; "glucose.*" → CGM;
// "tech.artifact.<code>" → that code's chart). No React, no I/O; unit-tested.
import { LIMIT_SPECS, isLimitCode, type EffectiveLimits, type LimitCode, type LimitKind } from "@/lib/alerts/alarm-limits";
import type { AlertPriority, AlertView } from "@/lib/events";
import type { TrendChartId, TrendRow } from "./prepare-trend";

/** Every chart that can carry alarm overlays. */
export type AlarmChartId = TrendChartId | "news2" | "glucose";

/** One metric's limits in force, as GET /api/v1/alerts/limits?patientId= answers. */
export type LimitView = EffectiveLimits & { code: string; reason: string | null };

export type LimitLine = {
  key: string;
  code: LimitCode;
  kind: LimitKind;
  y: number;
  label: string;
  color: string;
  /** Critical limits (always high priority) are drawn fainter and are not kept in view. */
  critical: boolean;
  /** Set for this patient (an override), not a ward or built-in default. */
  patientOverride: boolean;
};

/** The chart each limited metric is drawn on. */
export const LIMIT_CHART: Readonly<Record<LimitCode, AlarmChartId>> = {
  heart_rate: "heart_rate",
  spo2: "spo2",
  resp_rate: "resp_rate",
  bp_sys: "bp",
  bp_dia: "bp",
  temp: "temp",
  glucose: "glucose",
};

/** Colour of an alarm of this priority: red high, yellow medium, cyan low and technical (INOP). */
export function priorityColor(priority: AlertPriority): string {
  if (priority === "high") return "var(--color-alarm-high)";
  if (priority === "medium") return "var(--color-alarm-medium)";
  return "var(--color-alarm-low)";
}

const KIND_LABEL: Readonly<Record<LimitKind, string>> = { low: "Low", high: "High", critical_low: "Crit lo", critical_high: "Crit hi" };
const PREFIX: Partial<Record<LimitCode, string>> = { bp_sys: "Sys", bp_dia: "Dia" };

/** Short labels (they sit in the chart's right-hand gutter); "*" marks a limit set for this patient. */
function lineLabel(code: LimitCode, kind: LimitKind, y: number, patientOverride: boolean): string {
  const prefix = PREFIX[code];
  const kindText = prefix ? `${prefix} ${KIND_LABEL[kind].toLowerCase()}` : KIND_LABEL[kind];
  return `${kindText} ${y}${patientOverride ? "*" : ""}`;
}

/** The limit lines of one chart, low and high limits first, then the critical ones. */
export function limitLines(chart: AlarmChartId, limits: readonly LimitView[]): LimitLine[] {
  const plain: LimitLine[] = [];
  const critical: LimitLine[] = [];
  for (const l of limits) {
    if (!isLimitCode(l.code) || LIMIT_CHART[l.code] !== chart) continue;
    const code = l.code;
    const spec = LIMIT_SPECS[code];
    const add = (kind: LimitKind, y: number | null, priority: AlertPriority, patientOverride: boolean) => {
      if (y === null || !Number.isFinite(y)) return;
      const isCritical = kind.startsWith("critical");
      (isCritical ? critical : plain).push({
        key: `${code}.${kind}`,
        code,
        kind,
        y,
        label: lineLabel(code, kind, y, patientOverride),
        color: priorityColor(priority),
        critical: isCritical,
        patientOverride,
      });
    };
    add("low", l.low, spec.lowPriority, l.source.low === "patient");
    add("high", l.high, spec.highPriority, l.source.high === "patient");
    // A critical limit that coincides with the plain one it backs adds nothing to see.
    if (l.criticalLow !== l.low) add("critical_low", l.criticalLow, "high", false);
    if (l.criticalHigh !== l.high) add("critical_high", l.criticalHigh, "high", false);
  }
  return [...plain, ...critical];
}

/**
 * Rows holding the low and high limits under their metric's key, to pass with the data to the chart's
 * axis calculation so the limits are always on screen (critical limits may fall outside the view).
 */
export function limitDomainRows(lines: readonly LimitLine[]): TrendRow[] {
  return lines.filter((l) => !l.critical).map((l) => ({ t: 0, [l.code]: l.y }));
}

/** The chart an alert belongs on, from its rule name; null for rules with no chart (device offline, battery). */
export function chartForRule(rule: string): AlarmChartId | null {
  const parts = rule.split(".");
  const head = parts[0] ?? "";
  const code = head === "tech" && parts[1] === "artifact" ? (parts[2] ?? "") : head;
  if (code === "news2") return "news2";
  return isLimitCode(code) ? LIMIT_CHART[code] : null;
}

/** Rules whose alert value is a reading of the charted metric (a fast-fall value is a slope, not a level). */
function valueIsReading(rule: string): boolean {
  return !rule.endsWith(".fast_fall");
}

export type AlarmMarker = {
  id: string;
  t: number;
  /** Where to draw it: the alarm's value, held inside the axis; the top of the axis when it has none. */
  y: number;
  /** False when `y` is not the reading itself (no value, or beyond the axis). */
  atValue: boolean;
  priority: AlertPriority;
  color: string;
  title: string;
};

export type MarkerAlert = Pick<AlertView, "id" | "rule" | "priority" | "raisedAt" | "value" | "message">;

/** Markers for the alarms of one chart raised inside the time window, oldest first. */
export function alarmMarkers(
  alerts: readonly MarkerAlert[],
  chart: AlarmChartId,
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  formatTime: (t: number) => string,
): AlarmMarker[] {
  const out: AlarmMarker[] = [];
  for (const a of alerts) {
    const t = Date.parse(a.raisedAt);
    if (!Number.isFinite(t) || t < xDomain[0] || t > xDomain[1] || chartForRule(a.rule) !== chart) continue;
    const value = valueIsReading(a.rule) && a.value !== null && Number.isFinite(a.value) ? a.value : null;
    const y = value === null ? yDomain[1] : Math.min(yDomain[1], Math.max(yDomain[0], value));
    out.push({
      id: a.id,
      t,
      y,
      atValue: value !== null && value === y,
      priority: a.priority,
      color: priorityColor(a.priority),
      title: `${formatTime(t)} ${a.message}`,
    });
  }
  return out.sort((a, b) => a.t - b.t);
}

/**
 * Vertical nudges (px) for limit labels in the gutter so close limits (70 and 54 mg/dL) stay readable:
 * labels of lines inside the value axis, top to bottom, at least `minGapPx` apart and kept inside the
 * plot. In the order of `ys`; 0 for lines outside the axis (they are not drawn).
 */
export function labelOffsets(ys: readonly number[], domain: readonly [number, number], plotHeightPx: number, minGapPx = 11): number[] {
  const [lo, hi] = domain;
  const offsets = ys.map(() => 0);
  if (!(hi > lo) || plotHeightPx <= 0) return offsets;
  const items = ys
    .map((y, i) => ({ i, px: ((hi - y) / (hi - lo)) * plotHeightPx, y }))
    .filter((it) => it.y >= lo && it.y <= hi)
    .sort((a, b) => a.px - b.px);
  const pos = items.map((it) => it.px);
  for (let k = 1; k < pos.length; k++) pos[k] = Math.max(pos[k]!, pos[k - 1]! + minGapPx);
  // Pushed below the plot: move the stack back up from the bottom.
  for (let k = pos.length - 1; k >= 0; k--) {
    const limit = k === pos.length - 1 ? plotHeightPx : pos[k + 1]! - minGapPx;
    pos[k] = Math.min(pos[k]!, limit);
  }
  items.forEach((it, k) => (offsets[it.i] = pos[k]! - it.px));
  return offsets;
}
