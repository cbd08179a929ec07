import { describe, expect, it } from "vitest";
import {
  freshNews2Input,
  scoreAirOrOxygen,
  scoreConsciousness,
  scoreNews2,
  scorePulse,
  scoreRespRate,
  scoreSpo2Scale1,
  scoreSpo2Scale2,
  scoreSystolicBp,
  scoreTemperature,
  type News2Input,
} from "./news2";

// Every cell of the RCP 2017 chart (product.md, "Domain facts"), at both edges of each range.

describe("scoreRespRate", () => {
  it.each([
    [0, 3],
    [8, 3],
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3],
    [60, 3],
  ])("%s /min scores %s", (v, score) => {
    expect(scoreRespRate(v)).toBe(score);
  });

  // Real-valued input: each cell is (previous upper bound, own upper bound].
  it.each([
    [8.5, 1],
    [11.5, 0],
    [20.5, 2],
    [24.5, 3],
  ])("between cells: %s /min scores %s", (v, score) => {
    expect(scoreRespRate(v)).toBe(score);
  });
});

describe("scoreSpo2Scale1", () => {
  it.each([
    [50, 3],
    [91, 3],
    [92, 2],
    [93, 2],
    [94, 1],
    [95, 1],
    [96, 0],
    [100, 0],
  ])("%s%% scores %s", (v, score) => {
    expect(scoreSpo2Scale1(v)).toBe(score);
  });

  it.each([
    [91.5, 2],
    [93.5, 1],
    [95.5, 0],
  ])("between cells: %s%% scores %s", (v, score) => {
    expect(scoreSpo2Scale1(v)).toBe(score);
  });
});

describe("scoreSpo2Scale2", () => {
  // Up to 92% the score is the same on air and on oxygen.
  it.each([
    [50, 3],
    [83, 3],
    [84, 2],
    [85, 2],
    [86, 1],
    [87, 1],
    [88, 0],
    [92, 0],
  ])("%s%% scores %s on air and on oxygen", (v, score) => {
    expect(scoreSpo2Scale2(v, false)).toBe(score);
    expect(scoreSpo2Scale2(v, true)).toBe(score);
  });

  it.each([93, 94, 95, 96, 97, 100])("%s%% on air scores 0", (v) => {
    expect(scoreSpo2Scale2(v, false)).toBe(0);
  });

  it.each([
    [93, 1],
    [94, 1],
    [95, 2],
    [96, 2],
    [97, 3],
    [100, 3],
  ])("%s%% on oxygen scores %s", (v, score) => {
    expect(scoreSpo2Scale2(v, true)).toBe(score);
  });

  it.each([
    [83.5, true, 2],
    [85.5, true, 1],
    [87.5, true, 0],
    [92.5, false, 0],
    [92.5, true, 1],
    [94.5, true, 2],
    [96.5, true, 3],
  ])("between cells: %s%% (on oxygen: %s) scores %s", (v, onOxygen, score) => {
    expect(scoreSpo2Scale2(v, onOxygen)).toBe(score);
  });
});

describe("scoreAirOrOxygen", () => {
  it.each([
    [false, 0],
    [true, 2],
  ])("on oxygen %s scores %s", (onOxygen, score) => {
    expect(scoreAirOrOxygen(onOxygen)).toBe(score);
  });
});

describe("scoreSystolicBp", () => {
  it.each([
    [40, 3],
    [90, 3],
    [91, 2],
    [100, 2],
    [101, 1],
    [110, 1],
    [111, 0],
    [219, 0],
    [220, 3],
    [300, 3],
  ])("%s mmHg scores %s", (v, score) => {
    expect(scoreSystolicBp(v)).toBe(score);
  });

  it.each([
    [90.5, 2],
    [100.5, 1],
    [110.5, 0],
    [219.5, 3],
  ])("between cells: %s mmHg scores %s", (v, score) => {
    expect(scoreSystolicBp(v)).toBe(score);
  });
});

describe("scorePulse", () => {
  it.each([
    [0, 3],
    [40, 3],
    [41, 1],
    [50, 1],
    [51, 0],
    [90, 0],
    [91, 1],
    [110, 1],
    [111, 2],
    [130, 2],
    [131, 3],
    [220, 3],
  ])("%s /min scores %s", (v, score) => {
    expect(scorePulse(v)).toBe(score);
  });

  it.each([
    [40.5, 1],
    [50.5, 0],
    [90.5, 1],
    [110.5, 2],
    [130.5, 3],
  ])("between cells: %s /min scores %s", (v, score) => {
    expect(scorePulse(v)).toBe(score);
  });
});

describe("scoreConsciousness (ACVPU)", () => {
  it.each([
    [0, "alert", 0],
    [1, "new confusion", 3],
    [2, "voice", 3],
    [3, "pain", 3],
    [4, "unresponsive", 3],
  ])("code %s (%s) scores %s", (code, _label, score) => {
    expect(scoreConsciousness(code)).toBe(score);
  });
});

describe("scoreTemperature", () => {
  it.each([
    [30, 3],
    [35.0, 3],
    [35.1, 1],
    [36.0, 1],
    [36.1, 0],
    [38.0, 0],
    [38.1, 1],
    [39.0, 1],
    [39.1, 2],
    [42, 2],
  ])("%s °C scores %s", (v, score) => {
    expect(scoreTemperature(v)).toBe(score);
  });

  // Boundaries sit at one decimal; a value between two printed cells belongs to the upper one.
  it.each([
    [35.05, 1],
    [36.05, 0],
    [38.05, 1],
    [39.05, 2],
  ])("between cells: %s °C scores %s", (v, score) => {
    expect(scoreTemperature(v)).toBe(score);
  });
});

/** Every parameter present and scoring 0. */
const normal: Required<News2Input> = {
  resp_rate: 16,
  spo2: 97,
  o2_supplement: 0,
  bp_sys: 120,
  heart_rate: 70,
  consciousness: 0,
  temp: 37.0,
};

describe("scoreNews2 — worked example and totals", () => {
  it("RCP worked example: RR 24, SpO2 93 (scale 1), air, SBP 105, pulse 115, alert, 38.5 °C → 8, high", () => {
    const r = scoreNews2(
      { resp_rate: 24, spo2: 93, o2_supplement: 0, bp_sys: 105, heart_rate: 115, consciousness: 0, temp: 38.5 },
      { spo2Scale: 1 },
    );
    expect(r).toEqual({
      total: 8,
      complete: true,
      missing: [],
      components: { resp_rate: 2, spo2: 2, o2_supplement: 0, bp_sys: 1, heart_rate: 2, consciousness: 0, temp: 1 },
      anySingleThree: false,
      band: "high",
    });
  });

  it("all parameters normal → 0, low", () => {
    const r = scoreNews2(normal, { spo2Scale: 1 });
    expect(r.total).toBe(0);
    expect(r.complete).toBe(true);
    expect(r.band).toBe("low");
    expect(r.anySingleThree).toBe(false);
  });

  it.each([
    ["scale 1", 1, 91],
    ["scale 2 (on oxygen)", 2, 97],
  ] as const)("every parameter at its worst → 20 (max), high — %s", (_label, spo2Scale, spo2) => {
    const r = scoreNews2(
      { resp_rate: 25, spo2, o2_supplement: 1, bp_sys: 90, heart_rate: 131, consciousness: 4, temp: 35.0 },
      { spo2Scale },
    );
    expect(r.total).toBe(20);
    expect(r.band).toBe("high");
    expect(r.anySingleThree).toBe(true);
  });

  it("scale 2 uses the oxygen flag: SpO2 97 on oxygen → 3 (+2 for oxygen), on air → 0", () => {
    const onO2 = scoreNews2({ ...normal, o2_supplement: 1 }, { spo2Scale: 2 });
    expect(onO2.components.spo2).toBe(3);
    expect(onO2.components.o2_supplement).toBe(2);
    expect(onO2.total).toBe(5);
    const onAir = scoreNews2(normal, { spo2Scale: 2 });
    expect(onAir.components.spo2).toBe(0);
    expect(onAir.total).toBe(0);
  });

  it("scale choice matters: SpO2 90 on air scores 3 on scale 1 and 0 on scale 2", () => {
    expect(scoreNews2({ ...normal, spo2: 90 }, { spo2Scale: 1 }).components.spo2).toBe(3);
    expect(scoreNews2({ ...normal, spo2: 90 }, { spo2Scale: 2 }).components.spo2).toBe(0);
  });
});

describe("scoreNews2 — bands (RCP response thresholds)", () => {
  it.each([
    ["0 → low", {}, 0, false, "low"],
    ["4 without a single 3 → low", { resp_rate: 22, heart_rate: 115 }, 4, false, "low"],
    ["3 from one parameter scoring 3 → low-medium", { consciousness: 1 }, 3, true, "low-medium"],
    ["4 with one parameter scoring 3 → low-medium", { resp_rate: 25, heart_rate: 95 }, 4, true, "low-medium"],
    ["5 → medium", { resp_rate: 22, heart_rate: 115, temp: 38.5 }, 5, false, "medium"],
    ["5 including a single 3 → medium", { resp_rate: 22, temp: 35.0 }, 5, true, "medium"],
    ["6 → medium", { resp_rate: 22, heart_rate: 115, o2_supplement: 1 }, 6, false, "medium"],
    ["7 → high", { resp_rate: 22, heart_rate: 115, o2_supplement: 1, temp: 38.5 }, 7, false, "high"],
  ] as const)("%s", (_label, overrides: Partial<News2Input>, total, anySingleThree, band) => {
    const r = scoreNews2({ ...normal, ...overrides }, { spo2Scale: 1 });
    expect(r.total).toBe(total);
    expect(r.anySingleThree).toBe(anySingleThree);
    expect(r.band).toBe(band);
  });
});

describe("scoreNews2 — missing parameters are missing, never 0", () => {
  it("an empty input has no total, no band and all seven missing", () => {
    const r = scoreNews2({}, { spo2Scale: 1 });
    expect(r).toEqual({
      total: null,
      complete: false,
      missing: ["resp_rate", "spo2", "o2_supplement", "bp_sys", "heart_rate", "consciousness", "temp"],
      components: {},
      anySingleThree: false,
      band: null,
    });
  });

  it.each(["resp_rate", "spo2", "o2_supplement", "bp_sys", "heart_rate", "consciousness", "temp"] as const)(
    "without %s: total and band are null, the other six are scored",
    (key) => {
      const input: News2Input = { ...normal };
      delete input[key];
      const r = scoreNews2(input, { spo2Scale: 1 });
      expect(r.total).toBeNull();
      expect(r.band).toBeNull();
      expect(r.complete).toBe(false);
      expect(r.missing).toEqual([key]);
      expect(Object.keys(r.components).sort()).toEqual(
        Object.keys(normal)
          .filter((k) => k !== key)
          .sort(),
      );
      expect(r.components[key]).toBeUndefined();
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("a non-finite value (%s) counts as missing", (v) => {
    const r = scoreNews2({ ...normal, heart_rate: v }, { spo2Scale: 1 });
    expect(r.missing).toEqual(["heart_rate"]);
    expect(r.components.heart_rate).toBeUndefined();
    expect(r.total).toBeNull();
  });

  it("a single 3 is still reported when the set is incomplete, but there is no band", () => {
    const r = scoreNews2({ resp_rate: 30 }, { spo2Scale: 1 });
    expect(r.components).toEqual({ resp_rate: 3 });
    expect(r.anySingleThree).toBe(true);
    expect(r.band).toBeNull();
  });

  it("a zero reading is present, not missing (air, alert)", () => {
    const r = scoreNews2({ ...normal, o2_supplement: 0, consciousness: 0 }, { spo2Scale: 1 });
    expect(r.missing).toEqual([]);
    expect(r.components.o2_supplement).toBe(0);
    expect(r.components.consciousness).toBe(0);
  });

  it("scale 2 with SpO2 ≥93 and oxygen unknown: SpO2 cannot be scored, so it is left out of components", () => {
    const input: News2Input = { ...normal, spo2: 95 };
    delete input.o2_supplement;
    const r = scoreNews2(input, { spo2Scale: 2 });
    expect(r.missing).toEqual(["o2_supplement"]);
    expect(r.components.spo2).toBeUndefined();
    expect(r.total).toBeNull();
  });

  it("scale 2 with SpO2 ≤92 and oxygen unknown: SpO2 still scores (independent of oxygen)", () => {
    const input: News2Input = { ...normal, spo2: 85 };
    delete input.o2_supplement;
    const r = scoreNews2(input, { spo2Scale: 2 });
    expect(r.components.spo2).toBe(2);
    expect(r.total).toBeNull();
  });
});

describe("freshNews2Input", () => {
  const now = Date.parse("2025-03-01T12:00:00.000Z");
  const window = 15 * 60_000;
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it("keeps values within the window and drops stale ones", () => {
    const input = freshNews2Input(
      {
        resp_rate: { v: 18, t: ago(60_000) },
        spo2: { v: 96, t: ago(window) }, // exactly at the edge: still fresh
        o2_supplement: { v: 0, t: ago(window + 1) }, // 1 ms too old
        bp_sys: { v: 120, t: ago(2 * 3_600_000) }, // hours old
        heart_rate: { v: 80, t: ago(0) },
        consciousness: { v: 0, t: ago(5 * 60_000) },
        temp: { v: 37.2, t: ago(24 * 3_600_000) },
      },
      now,
      window,
    );
    expect(input).toEqual({ resp_rate: 18, spo2: 96, heart_rate: 80, consciousness: 0 });
  });

  it("stale values then read as missing in the score, not as 0", () => {
    const input = freshNews2Input(
      {
        resp_rate: { v: 18, t: ago(0) },
        spo2: { v: 97, t: ago(0) },
        o2_supplement: { v: 0, t: ago(0) },
        bp_sys: { v: 80, t: ago(window + 60_000) },
        heart_rate: { v: 70, t: ago(0) },
        consciousness: { v: 0, t: ago(0) },
        temp: { v: 37, t: ago(0) },
      },
      now,
      window,
    );
    const r = scoreNews2(input, { spo2Scale: 1 });
    expect(r.missing).toEqual(["bp_sys"]);
    expect(r.total).toBeNull();
    expect(r.band).toBeNull();
  });

  it("ignores keys that are not NEWS2 parameters, unparseable timestamps and non-finite values", () => {
    const input = freshNews2Input(
      {
        bp_dia: { v: 80, t: ago(0) },
        glucose: { v: 110, t: ago(0) },
        heart_rate: { v: 72, t: "not a date" },
        temp: { v: Number.NaN, t: ago(0) },
        resp_rate: undefined,
        spo2: { v: 95, t: ago(0) },
      },
      now,
      window,
    );
    expect(input).toEqual({ spo2: 95 });
  });

  it("treats a timestamp slightly in the future (clock skew) as fresh", () => {
    expect(freshNews2Input({ heart_rate: { v: 72, t: ago(-5_000) } }, now, window)).toEqual({ heart_rate: 72 });
  });

  it("returns an empty input when nothing is known", () => {
    expect(freshNews2Input({}, now, window)).toEqual({});
  });
});
