// Issue 11 items 7 and 9: bounds before validation, short reasons, absurd and old timestamps; and
// property-based fuzzing of the frame parser (fast-check): no throw, no hang, no invalid frame accepted.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { METRICS, isMetricKey } from "@/lib/domain/metrics";
import { MIN_FRAME_TS, parseTelemetryBody, parseTelemetryJson } from "./frame-schema";
import { checkJsonBounds, quoteValue } from "./json-bounds";
import { ingestHorizon, tooOld } from "./ingest-horizon";

const nested = (depth: number) =>
  `{"seq":1,"ts":"${new Date().toISOString()}","values":{"heart_rate":${"[".repeat(depth)}${"]".repeat(depth)}}}`;

describe("bounds before validation", () => {
  it("refuses a deeply nested body with a clear reason instead of overflowing the stack", () => {
    const r = parseTelemetryJson(nested(200_000));
    expect(r).toMatchObject({ ok: false, issues: [{ field: "body", reason: "is nested more than 8 levels deep" }] });
  });

  it("refuses an object value that is nested but shallow by naming it, not echoing it", () => {
    const r = parseTelemetryJson(nested(3));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe("frame.values.heart_rate: must be a finite number (got an array of 1 items)");
  });

  it("refuses a 200 KB value without echoing it in the reason", () => {
    const big = "x".repeat(200_000);
    const r = parseTelemetryJson(`{"seq":1,"ts":"${new Date().toISOString()}","values":{"heart_rate":"${big}"}}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBe("body: holds a string of 200000 characters (at most 256 per value)");
      expect(r.error.length).toBeLessThan(300);
    }
  });

  it("quotes a long value in a reason by its start and its length", () => {
    const r = parseTelemetryBody({ seq: 1, ts: new Date().toISOString(), values: { heart_rate: "y".repeat(5000) } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.length).toBeLessThan(200);
      expect(r.error).toContain("(5002 characters)");
    }
    expect(quoteValue({ a: 1 })).toBe("an object");
  });

  it("scans strings with escaped quotes and brackets correctly", () => {
    expect(checkJsonBounds(`{"a":"[[[[[[[[[[[[\\"]]]"}`)).toBeNull();
    expect(checkJsonBounds(`${"[".repeat(9)}${"]".repeat(9)}`)).toMatchObject({ reason: "is nested more than 8 levels deep" });
  });
});

describe("timestamps", () => {
  for (const ts of ["1900-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"]) {
    it(`refuses ${ts}: the device clock is not set`, () => {
      const r = parseTelemetryBody({ seq: 1, ts, values: { heart_rate: 70 } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]).toEqual({ field: "frame.ts", reason: `"${ts}" is before 2000-01-01: the device clock is not set` });
    });
  }

  it("refuses frames beyond the horizon, and allows backfill devices their window", () => {
    const e = { INGEST_MAX_AGE_DAYS: 7, INGEST_BACKFILL_DAYS: 30, INGEST_BACKFILL_TYPES: "cgm,env_sensor" };
    const now = Date.parse("2026-12-03T12:00:00Z");
    const eightDaysAgo = now - 8 * 86_400_000;
    expect(tooOld(eightDaysAgo, ingestHorizon("bedside_monitor", e), now)).toBe(
      "2026-11-25T12:00:00.000Z is older than the ingest horizon of 7 days (INGEST_MAX_AGE_DAYS)",
    );
    expect(tooOld(eightDaysAgo, ingestHorizon("cgm", e), now)).toBeNull();
    expect(tooOld(now - 31 * 86_400_000, ingestHorizon("cgm", e), now)).toMatch(/30 days for a cgm \(INGEST_BACKFILL_DAYS\)/);
  });
});

/** What an accepted frame must satisfy: the contract, checked independently of the parser. */
function isValidAccepted(f: { seq: number; ts: number; values: Record<string, number> }, now: number): boolean {
  if (!Number.isSafeInteger(f.seq) || f.seq < 0) return false;
  if (!(f.ts >= MIN_FRAME_TS && f.ts <= now + 5 * 60_000)) return false;
  const keys = Object.keys(f.values);
  if (keys.length === 0) return false;
  return keys.every((k) => {
    if (!isMetricKey(k)) return false;
    const v = f.values[k]!;
    const def = METRICS[k];
    return Number.isFinite(v) && v >= def.min && v <= def.max && (!def.integer || Number.isInteger(v));
  });
}

const metricKeys = Object.keys(METRICS).filter((k) => k !== "news2");
const frameLike = fc.record(
  {
    seq: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string(), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
    ts: fc.oneof(
      fc.date({ min: new Date("0001-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
      fc.integer(),
    ),
    values: fc.dictionary(
      fc.oneof(fc.constantFrom(...metricKeys), fc.string()),
      fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), fc.string(), fc.constant(null), fc.jsonValue()),
    ),
    device: fc.string(),
  },
  { requiredKeys: [] },
);

describe("fuzzing the frame parser (fast-check)", () => {
  it("never throws and never accepts an invalid frame, for frame-shaped bodies", () => {
    fc.assert(
      fc.property(fc.oneof(frameLike, fc.array(frameLike, { maxLength: 5 })), (body) => {
        const now = Date.now();
        const r = parseTelemetryJson(JSON.stringify(body));
        if (r.ok) for (const f of r.frames) expect(isValidAccepted(f, now)).toBe(true);
        else expect(r.error.length).toBeLessThan(2000);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary JSON and arbitrary bytes, and answers quickly", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
          fc.string(),
          fc.uint8Array().map((b) => Buffer.from(b)),
        ),
        (raw) => {
          const started = performance.now();
          const r = parseTelemetryJson(raw);
          expect(performance.now() - started).toBeLessThan(1000);
          if (r.ok) for (const f of r.frames) expect(isValidAccepted(f, Date.now())).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses any nesting depth beyond the bound, never throwing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 50_000 }), fc.constantFrom("[", '{"a":'), (depth, open) => {
        const close = open === "[" ? "]" : "}";
        const r = parseTelemetryJson(
          `{"seq":1,"ts":"${new Date().toISOString()}","values":{"heart_rate":${open.repeat(depth)}1${close.repeat(depth)}}}`,
        );
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
