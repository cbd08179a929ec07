import { describe, expect, it } from "vitest";
import { screenLatencies, type SentFrame } from "./screen-latency";

const sent: SentFrame[] = [
  { bed: "1", at: 1_000, heartRate: 80 },
  { bed: "1", at: 2_000, heartRate: 81 },
  { bed: "1", at: 3_000, heartRate: 80 },
  { bed: "2", at: 1_500, heartRate: 90 },
];

describe("screenLatencies", () => {
  it("matches a shown number to the latest frame of its bed that carried it", () => {
    const r = screenLatencies(sent, [
      { bed: "1", at: 2_012, text: "81" },
      { bed: "1", at: 3_030, text: " 80 " },
      { bed: "2", at: 1_520, text: "90" },
    ]);
    expect(r.latencies).toEqual([12, 30, 20]);
    expect(r.unmatched).toBe(0);
  });

  it("never matches a frame sent after the change, nor one older than the limit", () => {
    const r = screenLatencies(sent, [
      { bed: "1", at: 1_990, text: "81" },
      { bed: "2", at: 9_000, text: "90" },
      { bed: "3", at: 2_000, text: "80" },
      { bed: "1", at: 2_100, text: "—" },
    ]);
    expect(r.latencies).toEqual([]);
    expect(r.unmatched).toBe(4);
  });

  it("tolerates a clock difference of a millisecond or two between the page and the bench", () => {
    expect(screenLatencies(sent, [{ bed: "1", at: 1_997, text: "81" }]).unmatched).toBe(1);
    expect(screenLatencies(sent, [{ bed: "1", at: 1_999.5, text: "81" }]).latencies).toEqual([0]);
  });
});
