import { describe, expect, it } from "vitest";
import { lastWard, screenEncounters, stayAt, wardStays } from "./ward-stays";
import { ENCOUNTERS, h } from "./flow-fixture";
import type { EncounterHistory } from "./flow-types";

describe("wardStays", () => {
  it("splits an encounter at each transfer, the bed following the patient", () => {
    expect(wardStays(ENCOUNTERS[0]!)).toEqual([
      { encounterId: "e1", patientId: "p1", wardId: "W4", from: h(1), to: h(27), bedFrom: h(3), endedBy: "transfer" },
      { encounterId: "e1", patientId: "p1", wardId: "ICU", from: h(27), to: h(52), bedFrom: h(27), endedBy: "discharge" },
    ]);
    expect(wardStays(ENCOUNTERS[4]!)).toEqual([
      { encounterId: "e5", patientId: "p4", wardId: "W4", from: h(30), to: null, bedFrom: null, endedBy: null },
    ]);
  });

  it("sorts transfers given out of order", () => {
    const e: EncounterHistory = {
      encounterId: "x",
      patientId: "x",
      wardId: "A",
      admittedAt: h(0),
      bedAssignedAt: h(0),
      transfers: [
        { at: h(5), fromWard: "B", toWard: "C" },
        { at: h(2), fromWard: "A", toWard: "B" },
      ],
    };
    expect(wardStays(e).map((s) => s.wardId)).toEqual(["A", "B", "C"]);
    expect(stayAt(e, h(3))?.wardId).toBe("B");
    expect(lastWard(e)).toBe("C");
    expect(stayAt(e, h(-1))).toBeNull();
  });
});

describe("screenEncounters", () => {
  const good = ENCOUNTERS[0]!;
  it.each([
    ["admittedAt", { admittedAt: new Date("nonsense") }, "is not a valid date"],
    ["dischargedAt", { dischargedAt: h(0) }, "is before admittedAt"],
    ["dischargeOrderedAt", { dischargeOrderedAt: h(60) }, "is after dischargedAt"],
    ["transfers[0].at", { transfers: [{ at: h(0), fromWard: "W4", toWard: "ICU" }] }, "is before admittedAt"],
    ["transfers[0].at", { transfers: [{ at: h(60), fromWard: "W4", toWard: "ICU" }] }, "is after dischargedAt"],
    ["transfers[0].fromWard", { transfers: [{ at: h(27), fromWard: "ICU", toWard: "W4" }] }, "the patient was on W4"],
    ["patientId", { patientId: "" }, "is empty"],
  ])("rejects a bad %s and keeps the good rows", (field, change, reason) => {
    const bad = { ...good, encounterId: "bad", ...change } as EncounterHistory;
    const { valid, rejected } = screenEncounters([bad, ...ENCOUNTERS]);
    expect(valid).toEqual(ENCOUNTERS);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ id: "bad", field });
    expect(rejected[0]?.reason).toContain(reason);
  });

  it("accepts the fixture as it is", () => {
    expect(screenEncounters(ENCOUNTERS).rejected).toEqual([]);
  });
});
