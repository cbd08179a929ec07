import { describe, expect, it } from "vitest";
import { measureParseRate } from "./measure-parse";
import { generateAdtScenario } from "./sample-scenario";

describe("measureParseRate", () => {
  it("parses the sample day for the given time and counts refusals", () => {
    const texts = generateAdtScenario({
      wards: [
        {
          code: "4W",
          beds: [
            { room: "1", label: "A" },
            { room: "1", label: "B" },
            { room: "2", label: "C" },
          ],
        },
      ],
      start: new Date("2026-11-23T00:00:00Z"),
    }).map((m) => m.text);
    const rate = measureParseRate([...texts, "not hl7"], 200);
    expect(rate.ms).toBeGreaterThanOrEqual(200);
    expect(rate.messages).toBeGreaterThan(0);
    expect(rate.perSecond).toBeCloseTo((rate.messages / rate.ms) * 1000, 6);
    // One text in every texts.length + 1 is not HL7.
    expect(rate.refused).toBe(Math.floor(rate.messages / (texts.length + 1)) + (rate.messages % (texts.length + 1) > texts.length ? 1 : 0));
    expect(() => measureParseRate([])).toThrow(/texts/);
  });
});
