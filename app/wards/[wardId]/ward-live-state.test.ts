import { describe, expect, it } from "vitest";
import type { BedTile } from "@/lib/store/ward-types";
import type { VitalsPayload } from "@/lib/events";
import { applyVitals, mergeSnapshot, mergeSparkline } from "./ward-live-state";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const bed = (label: string, patientId: string | null, extra: Partial<BedTile> = {}): BedTile => ({
  bedId: `b-${label}`,
  label,
  patient: patientId ? { id: patientId, name: "A B", mrn: "M1", age: 70, spo2Scale: 1 } : null,
  latest: {},
  sparkline: [],
  devices: [],
  ...extra,
});
const ev = (patientId: string, ms: number, values: Record<string, number>, seq = 1): VitalsPayload => ({
  deviceId: "d",
  patientId,
  wardId: "w",
  seq,
  ts: iso(ms),
  values,
});

describe("mergeSparkline", () => {
  it("appends in-order points and trims to the window before the newest", () => {
    const cur = [
      { t: 0, v: 1 },
      { t: 50, v: 2 },
    ];
    expect(mergeSparkline(cur, [{ t: 120, v: 3 }], 100)).toEqual([
      { t: 50, v: 2 },
      { t: 120, v: 3 },
    ]);
  });
  it("inserts late points in time order without duplicates", () => {
    const cur = [
      { t: 0, v: 1 },
      { t: 20, v: 3 },
    ];
    expect(
      mergeSparkline(
        cur,
        [
          { t: 10, v: 2 },
          { t: 20, v: 9 },
        ],
        100,
      ),
    ).toEqual([
      { t: 0, v: 1 },
      { t: 10, v: 2 },
      { t: 20, v: 9 },
    ]);
  });
  it("returns the same array when nothing is added", () => {
    const cur = [{ t: 0, v: 1 }];
    expect(mergeSparkline(cur, [], 100)).toBe(cur);
  });
});

describe("applyVitals", () => {
  const beds = [bed("1", "p1"), bed("2", "p2"), bed("3", null)];

  it("updates only the bed of the event's patient, with the event's time", () => {
    const next = applyVitals(beds, [ev("p1", T0, { heart_rate: 80, spo2: 96, unknown_metric: 5 })], 600_000);
    expect(next[0]!.latest).toEqual({ heart_rate: { v: 80, t: iso(T0) }, spo2: { v: 96, t: iso(T0) } });
    expect(next[0]!.sparkline).toEqual([{ t: T0, v: 80 }]);
    expect(next[1]).toBe(beds[1]);
    expect(next[2]).toBe(beds[2]);
  });

  it("returns the same array for events of other patients", () => {
    expect(applyVitals(beds, [ev("other", T0, { heart_rate: 80 })], 600_000)).toBe(beds);
  });

  it("does not let an older event overwrite a newer value", () => {
    const b = [bed("1", "p1", { latest: { heart_rate: { v: 70, t: iso(T0) } } })];
    const next = applyVitals(b, [ev("p1", T0 - 5_000, { heart_rate: 99, resp_rate: 18 })], 600_000);
    expect(next[0]!.latest.heart_rate).toEqual({ v: 70, t: iso(T0) });
    expect(next[0]!.latest.resp_rate).toEqual({ v: 18, t: iso(T0 - 5_000) });
  });

  it("keeps only the sparkline window", () => {
    const b = [
      bed("1", "p1", {
        sparkline: [
          { t: T0 - 700_000, v: 60 },
          { t: T0 - 100_000, v: 65 },
        ],
      }),
    ];
    const next = applyVitals(b, [ev("p1", T0, { heart_rate: 70 })], 600_000);
    expect(next[0]!.sparkline).toEqual([
      { t: T0 - 100_000, v: 65 },
      { t: T0, v: 70 },
    ]);
  });

  it("applies a batch of several events in order", () => {
    const next = applyVitals(beds, [ev("p2", T0, { heart_rate: 70 }), ev("p2", T0 + 1_000, { heart_rate: 71 }, 2)], 600_000);
    expect(next[1]!.latest.heart_rate).toEqual({ v: 71, t: iso(T0 + 1_000) });
    expect(next[1]!.sparkline).toHaveLength(2);
  });
});

describe("artifacts", () => {
  it("flags a value the server marked as an artifact, keeps it off the sparkline, and clears the flag on a clean value", () => {
    const b = [bed("1", "p1")];
    const flagged = applyVitals(b, [{ ...ev("p1", T0, { heart_rate: 250, spo2: 97 }), artifacts: ["heart_rate"] }], 600_000);
    expect(flagged[0]!.latest.heart_rate?.v).toBe(250);
    expect(flagged[0]!.artifacts).toEqual(["heart_rate"]);
    expect(flagged[0]!.sparkline).toEqual([]);
    const clean = applyVitals(flagged, [ev("p1", T0 + 1_000, { heart_rate: 80 }, 2)], 600_000);
    expect(clean[0]!.artifacts).toEqual([]);
  });

  it("keeps the flag across a snapshot merge only with its live value", () => {
    const current = [
      {
        ...bed("1", "p1", { latest: { heart_rate: { v: 250, t: iso(T0 + 1_000) }, spo2: { v: 20, t: iso(T0 - 1_000) } } }),
        artifacts: ["heart_rate", "spo2"],
      },
    ];
    const incoming = [bed("1", "p1", { latest: { heart_rate: { v: 80, t: iso(T0) }, spo2: { v: 97, t: iso(T0) } } })];
    expect(mergeSnapshot(current, incoming, 600_000)[0]!.artifacts).toEqual(["heart_rate"]);
  });
});

describe("mergeSnapshot", () => {
  it("takes the snapshot's beds but keeps newer live values and unites sparklines", () => {
    const current = [
      bed("1", "p1", {
        latest: { heart_rate: { v: 90, t: iso(T0 + 2_000) }, spo2: { v: 95, t: iso(T0 - 9_000) } },
        sparkline: [{ t: T0 + 2_000, v: 90 }],
      }),
    ];
    const incoming = [
      bed("1", "p1", { latest: { heart_rate: { v: 85, t: iso(T0) }, spo2: { v: 97, t: iso(T0) } }, sparkline: [{ t: T0, v: 85 }] }),
      bed("2", "p9"),
    ];
    const merged = mergeSnapshot(current, incoming, 600_000);
    expect(merged[0]!.latest).toEqual({ heart_rate: { v: 90, t: iso(T0 + 2_000) }, spo2: { v: 97, t: iso(T0) } });
    expect(merged[0]!.sparkline).toEqual([
      { t: T0, v: 85 },
      { t: T0 + 2_000, v: 90 },
    ]);
    expect(merged[1]).toBe(incoming[1]);
  });
});
