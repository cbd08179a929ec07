import { describe, expect, it } from "vitest";
import { CONTEXT, PATIENT_ID } from "@/test/support/deidentify-context";
import { createDeidentifier, reidentify, type DeidentifyContext } from "./deidentify";
import { letterLabel } from "./pseudonyms";

describe("structured values", () => {
  it("prefers a rule for the dotted path over one for the bare key", () => {
    const d = createDeidentifier(CONTEXT);
    const out = d.value({ device: { id: "mon-4e-01" }, alert: { id: "X-1" } }, { "device.id": "device_id", id: "internal_id" });
    expect(out).toEqual({ device: { id: "device A" }, alert: { id: "[id]" } });
    expect(d.result().receipt).toEqual({ device_id: 1, other_id: 1 });
  });

  it("applies a field's rule to every element of an array", () => {
    const d = createDeidentifier(CONTEXT);
    expect(d.value({ deviceIds: ["pump-0002", "mon-4e-01", "pump-0002"] }, { deviceIds: "device_id" })).toEqual({
      deviceIds: ["device A", "device B", "device A"],
    });
    expect(d.result().receipt).toEqual({ device_id: 3 });
  });

  it("scrubs object keys, keeping colliding keys apart", () => {
    const d = createDeidentifier(CONTEXT);
    const out = d.value({ "pump-0002": { battery: 15 }, "mon-4e-01": { battery: 80 }, "ID-1234567": 1, "ID-7654321": 2 });
    expect(out).toEqual({ "device A": { battery: 15 }, "device B": { battery: 80 }, "[id]": 1, "[id] (2)": 2 });
    expect(d.result().receipt).toEqual({ device_id: 2, other_id: 2 });
  });

  it("handles every leaf type: Dates, epoch numbers, bigint, non-finite numbers, undefined and functions", () => {
    const d = createDeidentifier(CONTEXT);
    const out = d.value(
      {
        a: new Date("2026-11-23T17:00:00Z"),
        b: Date.parse("2026-11-22T18:00:00Z"),
        c: 12345678901234567890n,
        n: Number.NaN,
        u: undefined,
        f: () => 1,
        t: true,
        z: null,
      },
      { b: "datetime" },
    );
    expect(out).toEqual({ a: "-1 h", b: "-1 d", c: "[account]", n: null, t: true, z: null });
    expect(d.result().receipt).toEqual({ date: 2, account: 1 });
  });

  it("marks unreadable declared dates and keeps empty strings", () => {
    const d = createDeidentifier(CONTEXT);
    expect(
      d.value(
        { at: "soon", ackAt: "", born: "1950-13-40", day: "2026-11-20" },
        { at: "datetime", ackAt: "datetime", born: "birth_date", day: "datetime" },
      ),
    ).toEqual({
      at: "[date]",
      ackAt: "",
      born: "[date]",
      day: "-3 d",
    });
    expect(d.result().receipt).toEqual({ date: 3 });
  });

  it("replaces declared names: patients by who they are, staff by role, strangers generically", () => {
    const ward: DeidentifyContext = {
      now: CONTEXT.now,
      patients: [
        { id: "p1", givenNames: ["Ann"], familyName: "Smith" },
        { id: "p2", givenNames: ["Bob"], familyName: "Jones" },
      ],
      staff: [{ name: "Kim Lee", role: "charge_nurse" }],
    };
    const d = createDeidentifier(ward);
    const out = d.value(
      [
        { patient: "Bob Jones", ref: "p2", by: "Kim Lee" },
        { patient: "Zed Unknown", ref: "p9", by: "Someone Else" },
      ],
      { patient: "patient_name", ref: "patient_ref", by: "staff_name" },
    );
    expect(out).toEqual([
      { patient: "patient B", ref: "patient B", by: "a charge nurse" },
      { patient: "a patient", ref: "[id]", by: "a staff member" },
    ]);
    expect(d.result().receipt).toEqual({ name: 4, other_id: 2 });
  });

  it("keeps one set of pseudonyms across values and text in one session", () => {
    const d = createDeidentifier(CONTEXT);
    d.value({ deviceId: "pump-0002" }, { deviceId: "device_id" });
    expect(d.text("SN-4471-XK then PUMP-0002-ASSET")).toBe("device B then device A");
    expect(d.result().pseudonyms).toEqual({
      "the patient": { kind: "patient", id: PATIENT_ID },
      "device A": { kind: "device", id: "pump-0002" },
      "device B": { kind: "device", id: "mon-4e-01" },
    });
  });
});

describe("pseudonyms", () => {
  it("letters run A…Z, AA…ZZ, AAA", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letterLabel)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("re-identifies an answer for display without confusing device A with device AB", () => {
    const map = {
      "the patient": { kind: "patient" as const, id: "p1" },
      "device A": { kind: "device" as const, id: "mon-4e-01" },
      "device AB": { kind: "device" as const, id: "pump-0002" },
    };
    const labels: Record<string, string> = { p1: "Maria Lopez", "mon-4e-01": "Monitor 4E-01", "pump-0002": "Pump 2" };
    const text = "The patient is on device A; device AB alarmed. Device a was moved.";
    expect(reidentify(text, map, (t) => labels[t.id] ?? t.id)).toBe(
      "Maria Lopez is on Monitor 4E-01; Pump 2 alarmed. Monitor 4E-01 was moved.",
    );
    expect(reidentify("nothing here", {})).toBe("nothing here");
  });
});
