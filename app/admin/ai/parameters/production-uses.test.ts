import { describe, expect, it } from "vitest";
import type { PromptVersionView } from "@/lib/ai/service-types";
import { productionUses } from "./production-uses";

const v = (version: number, parameters: PromptVersionView["parameters"]) => ({ version, parameters }) as PromptVersionView;

describe("productionUses", () => {
  it("lists, per parameter, the prompts whose production version enables it with its bounds", () => {
    const uses = productionUses([
      {
        name: "handover-summary",
        labels: { production: 2, staging: null, latest: 3 },
        versions: [
          v(3, [{ name: "patient.cgm_summary", bounds: {} }]),
          v(2, [
            { name: "patient.vitals_window", bounds: { hours: 12, rows: 200 } },
            { name: "patient.open_alerts", bounds: {} },
          ]),
        ],
      },
      {
        name: "ward-brief",
        labels: { production: null, staging: null, latest: 1 },
        versions: [v(1, [{ name: "ward.census_and_alerts", bounds: {} }])],
      },
      {
        name: "alert-explanation",
        labels: { production: 1, staging: null, latest: 1 },
        versions: [v(1, [{ name: "patient.vitals_window", bounds: { hours: 2 } }])],
      },
    ]);
    expect(uses.get("patient.vitals_window")).toEqual([
      { prompt: "handover-summary", version: 2, bounds: "hours 12, rows 200" },
      { prompt: "alert-explanation", version: 1, bounds: "hours 2" },
    ]);
    expect(uses.get("patient.open_alerts")).toEqual([{ prompt: "handover-summary", version: 2, bounds: "" }]);
    // Only production counts: v3's parameter and the unpromoted ward brief are not listed.
    expect(uses.has("patient.cgm_summary")).toBe(false);
    expect(uses.has("ward.census_and_alerts")).toBe(false);
  });
});
