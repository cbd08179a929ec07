// The hand-written fast path for well-formed frames must accept exactly what the zod schema accepts:
// every case, valid or not, gets the same verdict from parseTelemetryBody as from frameSchema.
import { describe, expect, it } from "vitest";
import { frameSchema, parseTelemetryBody } from "./frame-schema";

const now = () => new Date().toISOString();
const base = () => ({ seq: 7, ts: now(), values: { heart_rate: 72, spo2: 97 } as Record<string, unknown> });

const cases: [string, unknown][] = [
  ["valid", base()],
  ["valid with offset", { ...base(), ts: "2026-01-01T10:00:00.5+02:00" }],
  ["valid without fraction", { ...base(), ts: "2026-01-01T10:00:00Z" }],
  ["seq 0", { ...base(), seq: 0 }],
  ["seq max safe", { ...base(), seq: Number.MAX_SAFE_INTEGER }],
  ["seq too big", { ...base(), seq: Number.MAX_SAFE_INTEGER + 2 }],
  ["seq negative", { ...base(), seq: -1 }],
  ["seq fraction", { ...base(), seq: 1.5 }],
  ["seq string", { ...base(), seq: "7" }],
  ["ts without seconds", { ...base(), ts: "2026-01-01T10:00Z" }],
  ["ts without offset", { ...base(), ts: "2026-01-01T10:00:00" }],
  ["ts 30 February", { ...base(), ts: "2026-02-30T10:00:00Z" }],
  ["ts 29 February leap", { ...base(), ts: "2024-02-29T10:00:00Z" }],
  ["ts hour 24", { ...base(), ts: "2026-01-01T24:00:00Z" }],
  ["ts offset 24h", { ...base(), ts: "2026-01-01T10:00:00+24:00" }],
  ["ts in the future", { ...base(), ts: new Date(Date.now() + 10 * 60_000).toISOString() }],
  ["ts number", { ...base(), ts: Date.now() }],
  ["extra key", { ...base(), extra: 1 }],
  ["missing values", { seq: 1, ts: now() }],
  ["empty values", { ...base(), values: {} }],
  ["values array", { ...base(), values: [72] }],
  ["unknown metric", { ...base(), values: { pulse: 70 } }],
  ["__proto__ metric", JSON.parse(`{"seq":1,"ts":"${now()}","values":{"__proto__":1}}`)],
  ["value string", { ...base(), values: { heart_rate: "72" } }],
  ["value null", { ...base(), values: { heart_rate: null } }],
  ["value over max", { ...base(), values: { spo2: 100.5 } }],
  ["value at max", { ...base(), values: { spo2: 100 } }],
  ["value under min", { ...base(), values: { temp: 14.9 } }],
  ["integer metric fraction", { ...base(), values: { consciousness: 1.5 } }],
  ["integer metric", { ...base(), values: { consciousness: 2, o2_supplement: 1 } }],
  ["negative env temp", { ...base(), values: { env_temp: -80 } }],
];

describe("frame validation fast path", () => {
  it.each(cases)("%s: same verdict as the schema", (_name, frame) => {
    expect(parseTelemetryBody(frame).ok).toBe(frameSchema.safeParse(frame).success);
  });

  it("returns the same frame either way", () => {
    const frame = { seq: 3, ts: "2026-01-01T10:00:00.123Z", values: { heart_rate: 70, temp: 36.6 } };
    const parsed = parseTelemetryBody(frame);
    expect(parsed).toEqual({
      ok: true,
      isArray: false,
      frames: [{ seq: 3, ts: Date.parse("2026-01-01T10:00:00.123Z"), values: { heart_rate: 70, temp: 36.6 } }],
    });
  });

  it("agrees on 2,000 randomly mutated frames", () => {
    const mutations: ((f: Record<string, unknown>) => void)[] = [
      (f) => (f.seq = Math.floor(Math.random() * 3) - 1),
      (f) => (f.seq = Math.random() * 10),
      (f) => (f.ts = new Date(Date.now() + (Math.random() - 0.5) * 20 * 60_000).toISOString()),
      (f) => ((f.values as Record<string, unknown>).spo2 = Math.round(Math.random() * 140 - 20)),
      (f) => ((f.values as Record<string, unknown>).consciousness = Math.random() * 5),
      (f) => ((f.values as Record<string, unknown>).bogus = 1),
      (f) => delete f.ts,
      (f) => (f.device = "x"),
    ];
    for (let i = 0; i < 2000; i++) {
      const f = base() as Record<string, unknown>;
      for (const m of mutations) if (Math.random() < 0.2) m(f);
      expect(parseTelemetryBody(f).ok, JSON.stringify(f)).toBe(frameSchema.safeParse(f).success);
    }
  });
});
