// Tolerant readers for the de-identified JSON blocks the demo model receives. Parameters may return rows
// as {at, heart_rate, spo2, …} or {at, metric, value}, newest or oldest first, times relative ("-3 h 10
// min"); lists of alerts or findings as objects with a title-like and a time-like field. These readers
// never throw on an unexpected shape; they find what they can.
import { isMetricKey, type MetricKey } from "@/lib/domain/metrics";

export type Reading = { metric: MetricKey; value: number; at: number | null };
export type Item = { title: string; priority?: string; at?: string; state?: string; who?: string; extra: string[] };
export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "-3 h 10 min" → -190, "-2 d 4 h" → -3120, "now"/"today" → 0, "+20 min" → 20; anything else null. */
export function relativeMinutes(v: unknown): number | null {
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (s === "now" || s === "today") return 0;
  const m = /^([+-])((?:\d+\s*(?:y|d|h|min)\s*)+)$/.exec(s);
  if (!m) return null;
  const unit: Record<string, number> = { y: 525_960, d: 1440, h: 60, min: 1 };
  let total = 0;
  for (const part of (m[2] ?? "").matchAll(/(\d+)\s*(y|d|h|min)/g)) total += Number(part[1]) * (unit[part[2] ?? "min"] ?? 1);
  return m[1] === "-" ? -total : total;
}

const TIME_KEYS = ["at", "time", "raisedAt", "openedAt", "since", "lastSeen", "lastSeenAt", "recordedAt", "ts"];
const TITLE_KEYS = ["title", "message", "summary", "description", "label", "rule", "kind", "finding", "event", "action", "type", "name"];
const WHO_KEYS = ["patient", "device", "bed", "who", "subject"];

export function pickString(o: JsonObject, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === "string" && v.trim()) return v.trim();
    if (typeof v === "number") return String(v);
  }
  return undefined;
}

export function pickNumber(o: JsonObject, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  return undefined;
}

function walk(v: unknown, visit: (o: JsonObject, key: string) => void, key = ""): void {
  if (Array.isArray(v)) for (const x of v) walk(x, visit, key);
  else if (isObject(v)) {
    visit(v, key);
    for (const [k, x] of Object.entries(v)) walk(x, visit, k);
  }
}

/** Every metric reading anywhere in `value`, oldest first when times are known. */
export function readings(value: unknown): Reading[] {
  const out: Reading[] = [];
  walk(value, (o) => {
    const at = relativeMinutes(pickString(o, TIME_KEYS));
    const metric = typeof o.metric === "string" ? o.metric : null;
    if (metric && isMetricKey(metric) && typeof o.value === "number") {
      out.push({ metric, value: o.value, at });
      return;
    }
    for (const [k, v] of Object.entries(o))
      if (isMetricKey(k) && typeof v === "number" && Number.isFinite(v)) out.push({ metric: k, value: v, at });
  });
  if (out.every((r) => r.at !== null)) out.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  return out;
}

export type Series = {
  metric: MetricKey;
  first: number;
  last: number;
  min: number;
  max: number;
  count: number;
  from: number | null;
  to: number | null;
};

export function seriesByMetric(rs: readonly Reading[]): Series[] {
  const map = new Map<MetricKey, Series>();
  for (const r of rs) {
    const s = map.get(r.metric);
    if (!s)
      map.set(r.metric, { metric: r.metric, first: r.value, last: r.value, min: r.value, max: r.value, count: 1, from: r.at, to: r.at });
    else {
      s.last = r.value;
      s.min = Math.min(s.min, r.value);
      s.max = Math.max(s.max, r.value);
      s.count += 1;
      s.to = r.at;
    }
  }
  return [...map.values()];
}

function toItem(o: JsonObject): Item | null {
  const title = pickString(o, TITLE_KEYS);
  if (!title) return null;
  const extra: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if ([...TITLE_KEYS, ...TIME_KEYS, ...WHO_KEYS, "priority", "state", "status", "severity"].includes(k)) continue;
    if (typeof v === "number" || (typeof v === "string" && v.length <= 40)) extra.push(`${k} ${v}`);
  }
  return {
    title,
    priority: pickString(o, ["priority", "severity"]),
    at: pickString(o, TIME_KEYS),
    state: pickString(o, ["state", "status"]),
    who: pickString(o, WHO_KEYS),
    extra: extra.slice(0, 4),
  };
}

function findArray(value: unknown, key: RegExp): unknown[] | null {
  if (Array.isArray(value)) {
    for (const x of value) {
      const found = findArray(x, key);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(value)) return null;
  for (const [k, v] of Object.entries(value)) if (key.test(k) && Array.isArray(v)) return v;
  for (const v of Object.values(value)) {
    const found = findArray(v, key);
    if (found) return found;
  }
  return null;
}

/** Items of the first array found under a key matching `key`, or of `value` itself when it is a list. */
export function itemsUnder(value: unknown, key: RegExp): Item[] {
  const list = findArray(value, key) ?? (Array.isArray(value) ? value : []);
  return list
    .filter(isObject)
    .map(toItem)
    .filter((i): i is Item => i !== null);
}
