// Validation of telemetry frames against the device contract and the metric vocabulary.
// Every refusal names the field and the reason, e.g. `frames[2].values.spo2: 140 is above the maximum 100 %`.
import { z } from "zod";
import { METRICS, isMetricKey } from "@/lib/domain/metrics";
import type { EpochMs, MetricValues } from "@/lib/events";
import { checkJsonBounds, quoteValue, truncateText } from "./json-bounds";

/** Frames more than this far in the future are clock errors. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Frames dated before this (1900, 0001, the 1970 epoch of an unset clock) are clock errors too. */
export const MIN_FRAME_TS = Date.UTC(2000, 0, 1);
/** Longest reason text per issue (a reason quotes at most a short piece of the value). */
const MAX_REASON_CHARS = 300;
export const MAX_FRAMES_PER_BODY = 1000;

export type TelemetryFrame = {
  seq: number;
  ts: EpochMs;
  values: MetricValues;
  /** Gateway bodies only: the child device the frame belongs to (null: the gateway's own frame). */
  device?: string | null;
};

/** A child device id as a gateway names it. */
const CHILD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const valuesSchema = z.record(z.string(), z.unknown()).superRefine((values, ctx) => {
  const keys = Object.keys(values);
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "must contain at least one metric" });
  for (const key of keys) {
    const value = values[key];
    if (!isMetricKey(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `unknown metric ${quoteValue(key)}` });
      continue;
    }
    const def = METRICS[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      ctx.addIssue({ code: "custom", path: [key], message: `must be a finite number (got ${quoteValue(value)})` });
    } else if (def.integer && !Number.isInteger(value)) {
      ctx.addIssue({ code: "custom", path: [key], message: `must be a whole number (got ${value})` });
    } else if (value < def.min) {
      ctx.addIssue({ code: "custom", path: [key], message: `${value} is below the minimum ${def.min} ${def.unit}` });
    } else if (value > def.max) {
      ctx.addIssue({ code: "custom", path: [key], message: `${value} is above the maximum ${def.max} ${def.unit}` });
    }
  }
});

const isoDateTime = z.iso.datetime({ offset: true });
/** The same pattern zod checks `ts` against, for the fast path. */
const ISO_DATETIME = z.regexes.datetime({ offset: true });

export const frameSchema = z.strictObject({
  seq: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").max(Number.MAX_SAFE_INTEGER),
  ts: z.string({ error: "must be a string" }).superRefine((s, ctx) => {
    if (!isoDateTime.safeParse(s).success) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time with offset, e.g. 2026-11-23T18:00:00.000Z" });
    } else if (Date.parse(s) > Date.now() + MAX_CLOCK_SKEW_MS) {
      ctx.addIssue({ code: "custom", message: "is more than 5 minutes in the future" });
    } else if (Date.parse(s) < MIN_FRAME_TS) {
      ctx.addIssue({ code: "custom", message: `${quoteValue(s)} is before 2000-01-01: the device clock is not set` });
    }
  }),
  values: valuesSchema,
});

export type FrameIssue = { field: string; reason: string };
export type FrameRefusal = { ok: false; error: string; issues: FrameIssue[] };
export type FrameValidation = { ok: true; frames: TelemetryFrame[]; isArray: boolean } | FrameRefusal;

/** The metric values of a record already checked against the vocabulary. */
function metricValues(record: Record<string, unknown>): MetricValues {
  const out: MetricValues = {};
  for (const key in record) {
    const v = record[key];
    if (isMetricKey(key) && typeof v === "number") out[key] = v;
  }
  return out;
}

function fieldPath(path: PropertyKey[], prefix: string): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : `${acc}.${String(p)}`), prefix);
}

export type BodyOptions = {
  /** A gateway's body: each item may carry "device": "<child id>". */
  gateway?: boolean;
};

/**
 * The hot path: a well-formed frame checked by hand, accepting exactly what frameSchema accepts.
 * Anything unusual returns null and goes through zod, which also words the refusal.
 */
function fastFrame(item: Record<string, unknown>, now: number): TelemetryFrame | null {
  let keys = 0;
  for (const k in item) {
    if (k !== "seq" && k !== "ts" && k !== "values") return null;
    keys++;
  }
  if (keys !== 3) return null;
  const { seq, ts, values } = item;
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 0) return null;
  if (typeof ts !== "string" || !ISO_DATETIME.test(ts)) return null;
  const t = Date.parse(ts);
  if (!(t <= now + MAX_CLOCK_SKEW_MS) || t < MIN_FRAME_TS) return null;
  if (typeof values !== "object" || values === null || Array.isArray(values)) return null;
  const record = values as Record<string, unknown>;
  let metrics = 0;
  for (const key in record) {
    if (!isMetricKey(key)) return null;
    const v = record[key];
    const def = METRICS[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < def.min || v > def.max || (def.integer && !Number.isInteger(v))) return null;
    metrics++;
  }
  if (metrics === 0) return null;
  return { seq, ts: t, values: metricValues(record) };
}

function validateItem(item: unknown, prefix: string, opts: BodyOptions, issues: FrameIssue[], now: number): TelemetryFrame | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    issues.push({ field: prefix, reason: "must be a JSON object with seq, ts and values" });
    return null;
  }
  let frameItem = item as Record<string, unknown>;
  let device: string | null | undefined;
  if (Object.prototype.hasOwnProperty.call(frameItem, "device")) {
    const { device: named, ...rest } = frameItem;
    if (!opts.gateway) {
      issues.push({ field: `${prefix}.device`, reason: "only a gateway may send frames for another device" });
      return null;
    }
    if (typeof named !== "string" || !CHILD_ID.test(named)) {
      issues.push({ field: `${prefix}.device`, reason: "must be the id of a device registered behind this gateway" });
      return null;
    }
    device = named;
    frameItem = rest;
  } else if (opts.gateway) {
    device = null;
  }
  const fast = fastFrame(frameItem, now);
  if (fast) {
    if (device !== undefined) fast.device = device;
    return fast;
  }
  const r = frameSchema.safeParse(frameItem);
  if (!r.success) {
    for (const issue of r.error.issues) issues.push({ field: fieldPath(issue.path, prefix), reason: issue.message });
    return null;
  }
  const frame: TelemetryFrame = { seq: r.data.seq, ts: Date.parse(r.data.ts), values: metricValues(r.data.values) };
  if (device !== undefined) frame.device = device;
  return frame;
}

/** Validates a body holding one frame or an array of frames. All or nothing. */
export function parseTelemetryBody(body: unknown, opts: BodyOptions = {}): FrameValidation {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? body : [body];
  if (isArray && items.length === 0) return invalid([{ field: "body", reason: "array of frames is empty" }]);
  if (items.length > MAX_FRAMES_PER_BODY) {
    return invalid([{ field: "body", reason: `at most ${MAX_FRAMES_PER_BODY} frames per body (got ${items.length})` }]);
  }
  const issues: FrameIssue[] = [];
  const frames: TelemetryFrame[] = [];
  // seq is per device: within one body a device's seq may appear once.
  const seqs = items.length > 1 ? new Set<string>() : null;
  const now = Date.now();
  items.forEach((item, i) => {
    const frame = validateItem(item, isArray ? `frames[${i}]` : "frame", opts, issues, now);
    if (!frame) return;
    frames.push(frame);
    if (!seqs) return;
    const key = `${frame.device ?? ""}\u0000${frame.seq}`;
    if (seqs.has(key))
      issues.push({
        field: `frames[${i}].seq`,
        reason: `seq ${frame.seq} appears twice in this body${frame.device ? ` for device "${frame.device}"` : ""}`,
      });
    seqs.add(key);
  });
  return issues.length ? invalid(issues) : { ok: true, frames, isArray };
}

export function invalid(allIssues: FrameIssue[]): FrameRefusal {
  const issues = allIssues.map((i) => ({ field: truncateText(i.field, 100), reason: truncateText(i.reason, MAX_REASON_CHARS) }));
  const error = issues
    .slice(0, 5)
    .map((i) => `${i.field}: ${i.reason}`)
    .join("; ");
  return { ok: false, error: issues.length > 5 ? `${error}; and ${issues.length - 5} more` : error, issues };
}

/** Parses raw bytes (MQTT payload or HTTP body) as JSON, with a readable error. Depth and value size are
 *  bounded on the text first (lib/ingest/json-bounds.ts), before anything parses or validates it. */
export function parseTelemetryJson(raw: string | Buffer, opts: BodyOptions = {}): FrameValidation {
  let body: unknown;
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  const bounds = checkJsonBounds(text);
  if (bounds) return invalid([bounds]);
  try {
    body = JSON.parse(text);
  } catch (err) {
    return invalid([{ field: "body", reason: `is not valid JSON (${(err as Error).message})` }]);
  }
  return parseTelemetryBody(body, opts);
}
