import { describe, expect, it } from "vitest";
import { lttb, type Point } from "./lttb";

const series = (n: number, f: (i: number) => number): Point[] => Array.from({ length: n }, (_, i) => ({ t: i * 1000, v: f(i) }));

describe("lttb", () => {
  it("returns the series unchanged when it is already small enough", () => {
    const s = series(10, (i) => i);
    expect(lttb(s, 100)).toEqual(s);
  });

  it("reduces 86,400 points (24 h at 1 Hz) to exactly the threshold, keeping first and last", () => {
    const s = series(86_400, (i) => 70 + 10 * Math.sin(i / 500));
    const out = lttb(s, 1000);
    expect(out).toHaveLength(1000);
    expect(out[0]).toEqual(s[0]);
    expect(out.at(-1)).toEqual(s.at(-1));
    for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThan(out[i - 1]!.t);
  });

  it("keeps a single-sample spike that averaging would flatten", () => {
    const s = series(10_000, () => 72);
    s[5_123] = { t: s[5_123]!.t, v: 180 };
    const out = lttb(s, 200);
    expect(out.some((p) => p.v === 180)).toBe(true);
  });
});
