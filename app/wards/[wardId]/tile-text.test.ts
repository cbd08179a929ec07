import { describe, expect, it } from "vitest";
import { abbreviateAlarm, charsThatFit, tileName } from "./tile-text";

describe("abbreviateAlarm", () => {
  it("drops the device id on a bed tile (the tile is the bed), never cutting the finding", () => {
    expect(abbreviateAlarm("Device mon-4e-12 offline: no data", 60)).toBe("Device offline: no data");
    expect(abbreviateAlarm("Device mon-4e-12 offline: no data", 24)).toBe("Device offline: no data");
    expect(abbreviateAlarm("Device mon-4e-12 battery low: 12 %", 24)).toBe("Device battery low: 12 %");
  });

  it("keeps a message that fits as it is", () => {
    expect(abbreviateAlarm("SpO₂ critically low: 84 % (below 85)", 40)).toBe("SpO₂ critically low: 84 % (below 85)");
  });

  it("shortens by meaning: the limit and the wording go before the value", () => {
    expect(abbreviateAlarm("SpO₂ critically low: 84 % (below 85)", 24)).toBe("SpO₂ crit. low 84 %");
    expect(abbreviateAlarm("NEWS2 single parameter scores 3 (SpO₂), total 4: urgent review", 24)).toBe("NEWS2 4: SpO₂ scores 3");
    expect(abbreviateAlarm("NEWS2 single parameter scores 3 (SpO₂, RR): urgent review", 24)).toBe("NEWS2: SpO₂, RR score 3");
    expect(abbreviateAlarm("NEWS2 8: emergency assessment", 10)).toBe("NEWS2 8");
    expect(abbreviateAlarm("Sustained deterioration trend (HR +20, RR +6) since 14:05 UTC", 32)).toBe("Deterioration: HR +20, RR +6");
  });

  it("ends on a whole word with an ellipsis when nothing else helps", () => {
    const out = abbreviateAlarm("Glucose falling fast: 3.2 mg/dL/min (now 61 mg/dL)", 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.endsWith("…")).toBe(true);
    expect(out).toBe("Glucose falling…");
  });
});

describe("tileName", () => {
  it("shows the full name when it fits", () => {
    expect(tileName("Amelia Hughes", 20)).toBe("Amelia Hughes");
  });
  it("keeps the family name whole and the given names as initials", () => {
    expect(tileName("Amelia Margaret Hughes-Whitfield", 24)).toBe("A. M. Hughes-Whitfield");
    expect(tileName("Amelia Margaret Hughes-Whitfield", 15)).toBe("Hughes-Whitfield");
    expect(tileName("Cher", 2)).toBe("Cher");
  });
});

describe("charsThatFit", () => {
  it("estimates characters per width, never fewer than 4", () => {
    expect(charsThatFit(150, 12)).toBe(20);
    expect(charsThatFit(10, 12)).toBe(4);
  });
});

describe("abbreviateAlarm with the rule", () => {
  it("falls back to what a central station prints for the rule, keeping the score", () => {
    expect(abbreviateAlarm("NEWS2 single parameter scores 3 (SpO₂), total 4: urgent review", 14, "news2.high")).toBe("NEWS2 4");
    expect(abbreviateAlarm("NEWS2 single parameter scores 3 (SpO₂, RR): urgent review", 14, "news2.high")).toBe("NEWS2 single 3");
    expect(abbreviateAlarm("Device mon-4e-12 offline: no data", 14, "tech.offline")).toBe("Device offline");
    expect(abbreviateAlarm("Pulse implausible (250): check sensor", 14, "tech.artifact.heart_rate")).toBe("Check sensor");
  });
});

describe("abbreviateAlarm on the narrowest tiles", () => {
  it("uses the shortest label of the rule rather than a cut word", () => {
    expect(abbreviateAlarm("Device mon-4e-12 offline: no data", 13, "tech.offline")).toBe("Offline");
    expect(abbreviateAlarm("Device mon-4e-12 battery low: 12 %", 10, "tech.battery")).toBe("Batt. low");
  });
});
