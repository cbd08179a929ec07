import { describe, expect, it } from "vitest";
import { describeLimit, hasPatientOverride, initialField, parseLimitField } from "./limits-editor-model";

describe("limits editor model", () => {
  it("reads a limit field: blank inherits, numbers (decimal comma too) are limits, anything else is refused", () => {
    expect(parseLimitField("")).toEqual({ ok: true, value: null });
    expect(parseLimitField("  88 ")).toEqual({ ok: true, value: 88 });
    expect(parseLimitField("35,5")).toEqual({ ok: true, value: 35.5 });
    expect(parseLimitField("abc").ok).toBe(false);
    expect(parseLimitField("9e9").ok).toBe(false);
  });

  it("describes where a limit comes from and what the form starts with", () => {
    expect(describeLimit(90, "default")).toBe("90 (default)");
    expect(describeLimit(86, "patient")).toBe("86 (this patient)");
    expect(describeLimit(null, "default")).toBe("off");
    expect(hasPatientOverride({ source: { low: "default", high: "patient" } })).toBe(true);
    expect(hasPatientOverride({ source: { low: "ward", high: "default" } })).toBe(false);
    expect(initialField(86, "patient")).toBe("86");
    expect(initialField(90, "default")).toBe("");
  });
});
