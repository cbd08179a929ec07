// Validation of telemetry frames against the device contract and the metric vocabulary.
// Every refusal names the field and the reason, e.g. `frames[2].values.spo2: 140 is above the maximum 100 %`.
import { z } from "zod";
import { METRICS, isMetricKey, type MetricKey } from "@/lib/domain/metrics";

/** Frames more than this far in the future are clock errors. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_FRAMES_PER_BODY = 1000;

export type TelemetryFrame = {
  seq: number;
  ts: Date;
  values: Partial<Record<MetricKey, number>>;
};

const valuesSchema = z.record(z.string(), z.unknown()).superRefine((values, ctx) => {
  const keys = Object.keys(values);
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "must contain at least one metric" });
  for (const key of keys) {
    const value = values[key];
    if (!isMetricKey(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `unknown metric "${key}"` });
      continue;
    }
    const def = METRICS[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      ctx.addIssue({ code: "custom", path: [key], message: `must be a finite number (got ${JSON.stringify(value)})` });
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

export const frameSchema = z.strictObject({
  seq: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").max(Number.MAX_SAFE_INTEGER),
  ts: z.string({ error: "must be a string" }).superRefine((s, ctx) => {
    if (!isoDateTime.safeParse(s).success) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time with offset, e.g. 2026-11-23T18:00:00.000Z" });
    } else if (Date.parse(s) > Date.now() + MAX_CLOCK_SKEW_MS) {
      ctx.addIssue({ code: "custom", message: "is more than 5 minutes in the future" });
    }
  }),
  values: valuesSchema,
});

export type FrameValidation =
  | { ok: true; frames: TelemetryFrame[]; isArray: boolean }
  | { ok: false; error: string; issues: { field: string; reason: string }[] };

function fieldPath(path: PropertyKey[], prefix: string): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : `${acc}.${String(p)}`), prefix);
}

/** Validates a body holding one frame or an array of frames. All or nothing. */
export function parseTelemetryBody(body: unknown): FrameValidation {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? body : [body];
  if (isArray && items.length === 0) return invalid([{ field: "body", reason: "array of frames is empty" }]);
  if (items.length > MAX_FRAMES_PER_BODY) {
    return invalid([{ field: "body", reason: `at most ${MAX_FRAMES_PER_BODY} frames per body (got ${items.length})` }]);
  }
  const issues: { field: string; reason: string }[] = [];
  const frames: TelemetryFrame[] = [];
  items.forEach((item, i) => {
    const prefix = isArray ? `frames[${i}]` : "frame";
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      issues.push({ field: prefix, reason: "must be a JSON object with seq, ts and values" });
      return;
    }
    const r = frameSchema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) issues.push({ field: fieldPath(issue.path, prefix), reason: issue.message });
      return;
    }
    frames.push({ seq: r.data.seq, ts: new Date(r.data.ts), values: r.data.values as TelemetryFrame["values"] });
  });
  const seqs = new Set<number>();
  frames.forEach((f, i) => {
    if (seqs.has(f.seq)) issues.push({ field: `frames[${i}].seq`, reason: `seq ${f.seq} appears twice in this body` });
    seqs.add(f.seq);
  });
  return issues.length ? invalid(issues) : { ok: true, frames, isArray };
}

export function invalid(issues: { field: string; reason: string }[]): FrameValidation {
  const error = issues
    .slice(0, 5)
    .map((i) => `${i.field}: ${i.reason}`)
    .join("; ");
  return { ok: false, error: issues.length > 5 ? `${error}; and ${issues.length - 5} more` : error, issues };
}

/** Parses raw bytes (MQTT payload or HTTP body) as JSON, with a readable error. */
export function parseTelemetryJson(raw: string | Buffer): FrameValidation {
  let body: unknown;
  try {
    body = JSON.parse(typeof raw === "string" ? raw : raw.toString("utf8"));
  } catch (err) {
    return invalid([{ field: "body", reason: `is not valid JSON (${(err as Error).message})` }]);
  }
  return parseTelemetryBody(body);
}
