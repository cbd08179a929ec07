import { describe, expect, expectTypeOf, it } from "vitest";
import { alertUpdateSchema, alertViewSchema, news2PayloadSchema } from "@/lib/events";
import { alertView } from "@/test/support/test-alerts";
import * as s from "./wire-shape";

// With an offset time, the other spelling the wire may carry.
const alert = alertView("a1", { priority: "high", nextEscalationAt: "2026-11-23T18:02:00+01:00" });

const errorOf = (shape: s.Shape<unknown>, value: unknown): string => {
  const r = shape.safeParse(value);
  if (r.success) throw new Error("expected a refusal");
  return r.error.message;
};

describe("wire shapes", () => {
  it("returns what it checked, leaving out fields the shape does not declare", () => {
    expect(alertViewSchema.parse({ ...alert, extra: "from a newer server" })).toEqual(alert);
    expect(alertUpdateSchema.parse({ change: "acknowledged", alert, actor: { id: "u1", name: "N" } })).toEqual({
      change: "acknowledged",
      alert,
      actor: { id: "u1", name: "N" },
    });
  });

  it("names the field and the reason of a refusal, however deep", () => {
    expect(errorOf(alertUpdateSchema, { change: "raised", alert: { ...alert, raisedAt: "yesterday" }, actor: null })).toBe(
      'alert.raisedAt: expected an ISO 8601 date-time with a zone, got "yesterday"',
    );
    const { id: _, ...noId } = alert;
    expect(errorOf(alertUpdateSchema, { change: "raised", alert: noId, actor: null })).toBe("alert.id: required");
    expect(errorOf(alertViewSchema, { ...alert, priority: "urgent" })).toBe(
      'priority: expected one of "high", "medium", "low", "technical", got "urgent"',
    );
    const list = s.object({ series: s.array(s.object({ code: s.string() })) });
    expect(errorOf(list, { series: [{ code: "a" }, { code: "b" }, { code: 3 }] })).toBe("series[2].code: expected a string, got 3");
    expect(errorOf(s.array(s.int()), [1, 2.5])).toBe("[1]: expected an integer, got 2.5");
    expect(errorOf(alertViewSchema, "not an alert")).toBe('expected an object, got "not an alert"');
  });

  it("checks numbers, integers, booleans and date-times strictly", () => {
    expect(s.number().safeParse(Number.NaN).success).toBe(false);
    expect(s.number().safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(s.number().safeParse("12").success).toBe(false);
    expect(s.int().safeParse(3).success).toBe(true);
    expect(s.nonNegativeInt().safeParse(-1).success).toBe(false);
    expect(s.nonNegativeInt().safeParse(0).success).toBe(true);
    expect(s.boolean().safeParse(0).success).toBe(false);
    expect(s.isoDateTime().safeParse("2026-11-23").success).toBe(false);
    expect(s.isoDateTime().safeParse("2026-13-45T99:00:00Z").success).toBe(false);
    expect(s.isoDateTime().safeParse("2026-11-23T18:00Z").success).toBe(true);
  });

  it("allows an optional field to be absent and a nullable one to be null, nothing else", () => {
    const shape = s.object({ a: s.optional(s.string()), b: s.nullable(s.string()) });
    expect(shape.parse({ b: null })).toEqual({ b: null });
    expect(errorOf(shape, { a: null, b: null })).toBe("a: expected a string, got null");
    expect(errorOf(shape, { a: "x" })).toBe("b: required");
    expectTypeOf(shape.parse).returns.toEqualTypeOf<{ b: string | null; a?: string }>();
  });

  // The lenient vitals payload (unknown metric codes left out) is covered in lib/socket/wire-payloads.test.ts.
  it("checks a keyed map's keys where lib/events is strict", () => {
    const news2 = {
      patientId: "p1",
      wardId: null,
      total: null,
      band: null,
      missing: [],
      anySingleThree: false,
      ts: "2026-11-23T18:00:00Z",
    };
    expect(errorOf(news2PayloadSchema, { ...news2, components: { heart_rate: 1, pulse_typo: 2 } })).toBe(
      "components.pulse_typo: not a known key",
    );
  });

  it('keeps a "__proto__" key of a map as data, never as the result\'s prototype', () => {
    const parsed = s.record(s.number()).parse(JSON.parse('{"__proto__": 5, "heart_rate": 60}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__", "heart_rate"]);
  });

  it("checks a pair's length and each element, naming the one at fault", () => {
    const point = s.object({ at: s.pair(s.number(), s.number()) });
    expect(point.parse({ at: [1, 2] })).toEqual({ at: [1, 2] });
    expect(point.safeParse({ at: [1, "2"] })).toMatchObject({
      success: false,
      error: { path: "at[1]", reason: 'expected a number, got "2"' },
    });
    expect(point.safeParse({ at: [1, 2, 3] })).toMatchObject({ success: false, error: { path: "at" } });
    expect(point.safeParse({ at: { 0: 1, 1: 2 } })).toMatchObject({ success: false });
  });
  it("parse throws the refusal; a failure inside a conversion is not taken for one", () => {
    expect(() => s.string().parse(1)).toThrow(s.ShapeError);
    const broken = s.map(s.string(), () => {
      throw new TypeError("bug");
    });
    expect(() => broken.safeParse("x")).toThrow(TypeError);
  });
});
