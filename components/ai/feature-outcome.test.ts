import { describe, expect, it } from "vitest";
import { REFUSAL_KINDS } from "@/lib/errors/refusal";
import { alertAiFeature, describeParameters, describeRedactions, refusedOutcome } from "./feature-outcome";

describe("refusedOutcome", () => {
  it("says a spent budget plainly, with the service's own reason and reset time", () => {
    const out = refusedOutcome("rate_limited", "AI budget global/day exhausted until 2026-12-04T00:00:00.000Z");
    expect(out.kind).toBe("budget");
    expect(out.message).toContain("AI budget global/day exhausted until 2026-12-04T00:00:00.000Z");
    expect(out.message).toContain("No request was sent to the model");
  });

  it("does not tell a caller out of scope whether the patient exists", () => {
    expect(refusedOutcome("forbidden", "patient p1 is on ICU").message).toBe(refusedOutcome("not_found", "no patient p1").message);
    expect(refusedOutcome("forbidden", "patient p1 is on ICU").message).not.toContain("ICU");
  });

  it("says when the model is unavailable", () => {
    const out = refusedOutcome("unavailable", "the model did not answer within 20 s");
    expect(out.kind).toBe("unavailable");
    expect(out.message).toContain("the model did not answer within 20 s");
  });

  it("has a message for every refusal kind", () => {
    for (const kind of REFUSAL_KINDS) expect(refusedOutcome(kind, "x").message.length).toBeGreaterThan(5);
  });
});

describe("provenance lines", () => {
  it("names each parameter with its row count, never values", () => {
    expect(
      describeParameters([
        { name: "patient.vitals_window", rows: 48 },
        { name: "patient.open_alerts", rows: 0 },
        { name: "patient.news2_trend", rows: 1 },
      ]),
    ).toBe("patient.vitals_window (48 rows), patient.open_alerts (none), patient.news2_trend (1 row)");
    expect(describeParameters([])).toBe("no patient data");
  });

  it("counts what was removed, largest first, in words", () => {
    expect(describeRedactions({ date: 5, name: 2, mrn: 1, ip: 0 })).toBe("5 dates, 2 names, 1 MRN");
    expect(describeRedactions({ device_id: 1, email: 3 })).toBe("3 email addresses, 1 device id");
    expect(describeRedactions({})).toBe("nothing to remove");
  });
});

describe("alertAiFeature", () => {
  it("explains a patient's alert, and a device's equipment alarm only for those who maintain equipment", () => {
    expect(alertAiFeature({ patientId: "p1", deviceId: "d1" }, false)).toBe("alert");
    expect(alertAiFeature({ patientId: null, deviceId: "pump-1" }, true)).toBe("maintenance");
    expect(alertAiFeature({ patientId: null, deviceId: "pump-1" }, false)).toBeNull();
    expect(alertAiFeature({ patientId: null, deviceId: null }, true)).toBeNull();
  });
});
