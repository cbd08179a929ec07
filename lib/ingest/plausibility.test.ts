import { describe, expect, it } from "vitest";
import { explainArtifacts, findArtifacts } from "./plausibility";

describe("physiological plausibility", () => {
  it("flags nothing in a normal frame", () => {
    expect(findArtifacts({ heart_rate: 72, spo2: 97, resp_rate: 14, temp: 36.8, bp_sys: 120, bp_dia: 80 })).toEqual([]);
  });

  it.each([
    [{ heart_rate: 301 }, ["heart_rate"]],
    [{ heart_rate: 300 }, []],
    [{ heart_rate: 12, spo2: 97 }, ["heart_rate"]],
    [{ heart_rate: 20, spo2: 97 }, []],
    [{ spo2: 49 }, ["spo2"]],
    [{ spo2: 50 }, []],
    [{ resp_rate: 81 }, ["resp_rate"]],
    [{ resp_rate: 80 }, []],
    [{ temp: 24.9 }, ["temp"]],
    [{ temp: 44.1 }, ["temp"]],
    [{ temp: 25 }, []],
    [{ bp_sys: 301, bp_dia: 90 }, ["bp_sys"]],
    [{ bp_sys: 80, bp_dia: 80 }, ["bp_sys", "bp_dia"]],
    [{ bp_sys: 80, bp_dia: 95 }, ["bp_sys", "bp_dia"]],
    [{ bp_sys: 81, bp_dia: 80 }, []],
  ])("%j → %j", (values, expected) => {
    expect(findArtifacts(values)).toEqual(expected);
  });

  it("never hides a very low pulse without a usable SpO2: it may be a real bradycardia or asystole", () => {
    expect(findArtifacts({ heart_rate: 0 })).toEqual([]);
    expect(findArtifacts({ heart_rate: 8, spo2: 30 })).toEqual(["spo2"]);
  });

  it("lists each key once however many rules fire, and leaves other keys alone", () => {
    expect(findArtifacts({ heart_rate: 350, spo2: 40, bp_sys: 310, bp_dia: 320, glucose: 900, env_temp: 80 })).toEqual([
      "heart_rate",
      "spo2",
      "bp_sys",
      "bp_dia",
    ]);
  });

  it("explains why", () => {
    expect(explainArtifacts({ heart_rate: 350 })).toEqual([{ key: "heart_rate", why: "pulse above 300 /min" }]);
  });
});
