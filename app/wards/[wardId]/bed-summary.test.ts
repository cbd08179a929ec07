import { describe, expect, it } from "vitest";
import type { BedTile } from "@/lib/store/ward-types";
import { summariseBed } from "./bed-summary";

const NOW = Date.parse("2026-11-23T18:00:00.000Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const bed = (latest: BedTile["latest"]): BedTile => ({
  bedId: "b1",
  label: "1",
  patient: { id: "p1", name: "A B", mrn: "M", age: 60, spo2Scale: 1 },
  latest,
  sparkline: [],
  devices: [],
});
const normal = (age: number): BedTile["latest"] => ({
  resp_rate: { v: 16, t: ago(age) },
  spo2: { v: 97, t: ago(age) },
  o2_supplement: { v: 0, t: ago(age) },
  bp_sys: { v: 120, t: ago(age) },
  bp_dia: { v: 80, t: ago(age) },
  heart_rate: { v: 72, t: ago(age) },
  consciousness: { v: 0, t: ago(age) },
  temp: { v: 36.8, t: ago(age) },
});

describe("summariseBed", () => {
  it("scores a complete, fresh set", () => {
    const s = summariseBed(bed(normal(5_000)), NOW);
    expect(s).toMatchObject({
      freshness: "fresh",
      news2Total: 0,
      news2Complete: true,
      news2Band: "low",
      news2Missing: "",
      agedMetrics: "",
    });
  });

  it("drops readings older than 15 minutes from NEWS2 and marks them aged", () => {
    const latest = { ...normal(5_000), temp: { v: 36.8, t: ago(16 * 60_000) } };
    const s = summariseBed(bed(latest), NOW);
    expect(s.news2Complete).toBe(false);
    expect(s.news2Total).toBeNull();
    expect(s.news2Partial).toBe(0);
    expect(s.news2Missing).toBe("Temp");
    expect(s.agedMetrics).toBe("temp");
  });

  it("is offline with no data and stale after a minute", () => {
    expect(summariseBed(bed({}), NOW)).toMatchObject({ freshness: "offline", newestTs: null, news2Partial: null });
    expect(summariseBed(bed(normal(90_000)), NOW).freshness).toBe("stale");
    expect(summariseBed(bed(normal(6 * 60_000)), NOW).freshness).toBe("offline");
  });

  it("does not score a suspected artifact", () => {
    const s = summariseBed({ ...bed(normal(1_000)), artifacts: ["heart_rate"] }, NOW);
    expect(s.news2Complete).toBe(false);
    expect(s.news2Missing).toBe("Pulse");
  });

  it("reports the high band", () => {
    const latest = {
      ...normal(1_000),
      heart_rate: { v: 140, t: ago(1_000) },
      resp_rate: { v: 26, t: ago(1_000) },
      spo2: { v: 90, t: ago(1_000) },
    };
    expect(summariseBed(bed(latest), NOW)).toMatchObject({ news2Total: 9, news2Band: "high", anySingleThree: true });
  });
});
