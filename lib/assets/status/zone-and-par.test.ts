import { describe, expect, it } from "vitest";
import { DEFAULT_ZONE_RULES, evaluateZoneRules, type ZoneRoom, type ZoneRule } from "./zone-rules";
import { newShortfalls, parShortfalls, type ParAsset } from "./par-levels";

const room = (id: string, type: ZoneRoom["type"], floorId = "4E"): ZoneRoom => ({ id, type, floorId });
const corridor = room("4E-CORR-W", "corridor");
const exit = room("4E-EXIT", "exit");
const stairs = room("4E-STAIRS", "exit");
const icuBay = room("ICU-B1", "patient_room", "ICU");
const chair = { id: "chair-7", class: "wheelchair" };
const pump = { id: "pump-1", class: "infusion_pump" };
const T = Date.UTC(2026, 10, 23, 12);

describe("zone rules", () => {
  it("reports an asset entering an exit once, not again while it stays beyond it", () => {
    expect(evaluateZoneRules(DEFAULT_ZONE_RULES, chair, corridor, exit, T)).toEqual([
      { ruleId: "no-exit", assetId: "chair-7", roomId: "4E-EXIT", breach: "forbidden_room", at: T },
    ]);
    expect(evaluateZoneRules(DEFAULT_ZONE_RULES, chair, exit, stairs, T)).toEqual([]);
    expect(evaluateZoneRules(DEFAULT_ZONE_RULES, chair, exit, corridor, T)).toEqual([]);
    expect(evaluateZoneRules(DEFAULT_ZONE_RULES, chair, null, exit, T)).toHaveLength(1);
  });

  it("reports an asset leaving its allowed floors or rooms, for the assets the rule covers", () => {
    const rules: ZoneRule[] = [
      { id: "pumps-stay-on-4E", assetClass: "infusion_pump", allowedFloorIds: ["4E"] },
      { id: "chair-7-home", assetIds: ["chair-7"], allowedRoomIds: ["4E-CORR-W", "4E-R01"] },
    ];
    expect(evaluateZoneRules(rules, pump, corridor, icuBay, T).map((v) => [v.ruleId, v.breach])).toEqual([
      ["pumps-stay-on-4E", "left_zone"],
    ]);
    expect(evaluateZoneRules(rules, pump, corridor, room("4E-R05", "patient_room"), T)).toEqual([]);
    expect(evaluateZoneRules(rules, chair, corridor, room("4E-R05", "patient_room"), T).map((v) => v.ruleId)).toEqual(["chair-7-home"]);
    expect(evaluateZoneRules(rules, chair, room("4E-R05", "patient_room"), room("4E-R06", "patient_room"), T)).toEqual([]);
    // Back home, then out through the exit: the exit is outside the zone too, and forbidden by the default.
    expect(evaluateZoneRules([...rules, ...DEFAULT_ZONE_RULES], chair, corridor, exit, T).map((v) => [v.ruleId, v.breach])).toEqual([
      ["chair-7-home", "left_zone"],
      ["no-exit", "forbidden_room"],
    ]);
  });
});

describe("par levels", () => {
  const levels = [
    { floorId: "4E", class: "infusion_pump", minimum: 3 },
    { floorId: "ICU", class: "infusion_pump", minimum: 1 },
  ];
  const pumps = (statuses: ParAsset["status"][], floorId: string | null = "4E"): ParAsset[] =>
    statuses.map((status) => ({ class: "infusion_pump", status, floorId }));

  it("finds floors with fewer available assets of a class than their par", () => {
    const assets = [
      ...pumps(["available", "available", "in_use", "needs_cleaning"]),
      ...pumps(["available"], "ICU"),
      ...pumps(["available"], null),
    ];
    expect(parShortfalls(levels, assets)).toEqual([{ floorId: "4E", class: "infusion_pump", minimum: 3, available: 2 }]);
    expect(parShortfalls(levels, [...assets, ...pumps(["available"])])).toEqual([]);
    expect(parShortfalls(levels, [])).toHaveLength(2);
  });

  it("raises a shortfall once when it appears", () => {
    const before = parShortfalls(levels, pumps(["available", "available", "available"]));
    const after = parShortfalls(levels, pumps(["available", "available"]));
    expect(newShortfalls(before, after).map((s) => s.floorId)).toEqual(["4E"]);
    expect(newShortfalls(after, after)).toEqual([]);
  });
});
