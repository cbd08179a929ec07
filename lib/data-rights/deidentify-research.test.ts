import { describe, expect, it } from "vitest";
import { deidentifyReading, deidentifySubject, exportKey, pseudonymFor } from "./deidentify-research";

describe("research de-identification", () => {
  it("keeps the birth year, but pools subjects over 89 as 90+", () => {
    const now = new Date("2026-12-03T00:00:00Z");
    expect(deidentifySubject("S-1", 1950, "F", now)).toEqual({ subject: "S-1", birthYear: 1950, ageBand: null, sex: "F" });
    expect(deidentifySubject("S-2", 1936, "M", now)).toEqual({ subject: "S-2", birthYear: null, ageBand: "90+", sex: "M" });
    expect(deidentifySubject("S-3", 1937, "X", now)).toMatchObject({ birthYear: 1937, sex: "U" });
  });

  it("gives a reading only its year and its offset from the subject's first reading", () => {
    const first = new Date("2026-03-14T08:00:00Z");
    const r = deidentifyReading("S-1", { code: "glucose", value: 51, ts: "2026-03-15T03:00:30Z" }, first, {
      loinc: "99504-3",
      unit: "mg/dL",
    });
    expect(r).toEqual({ subject: "S-1", code: "glucose", loinc: "99504-3", unit: "mg/dL", year: 2026, t: 19 * 3600 + 30, value: 51 });
    expect(JSON.stringify(r)).not.toMatch(/2026-03/);
  });

  it("pseudonymises per export: stable within one, unlinkable across two", () => {
    const k1 = exportKey();
    const k2 = exportKey();
    expect(pseudonymFor(k1, "patient-1")).toBe(pseudonymFor(k1, "patient-1"));
    expect(pseudonymFor(k1, "patient-1")).not.toBe(pseudonymFor(k2, "patient-1"));
    expect(pseudonymFor(k1, "patient-1")).toMatch(/^S-[0-9a-f]{16}$/);
  });
});
