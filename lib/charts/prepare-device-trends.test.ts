import { describe, expect, it } from "vitest";
import { clockTicks, equipmentMetricsOf, formatClockUtc, isEquipmentMetric, prepareDeviceTrends } from "./prepare-device-trends";

const MIN5 = 5 * 60_000;
const T0 = Date.UTC(2026, 11, 3, 0, 0);

describe("prepareDeviceTrends", () => {
  it("charts only the equipment metrics of a type, never patient vitals", () => {
    expect(equipmentMetricsOf(["device_temp", "vibration", "power", "battery"])).toEqual(["vibration", "device_temp", "power", "battery"]);
    expect(equipmentMetricsOf(["heart_rate", "spo2", "battery", "device_temp"])).toEqual(["device_temp", "battery"]);
    expect(isEquipmentMetric("vibration")).toBe(true);
    expect(isEquipmentMetric("heart_rate")).toBe(false);
  });

  it("rounds to the metric's decimals, sorts, keeps the window and gives latest, min and max", () => {
    const rows = [
      { code: "vibration", t: T0 + 2 * MIN5, v: 0.4567 },
      { code: "vibration", t: T0, v: 0.1234 },
      { code: "vibration", t: T0 + MIN5, v: 0.9 },
      { code: "vibration", t: T0 - MIN5, v: 5 }, // before the window
      { code: "battery", t: T0, v: 88.4 },
    ];
    const [vib, bat] = prepareDeviceTrends(rows, ["vibration", "battery"], { from: T0, to: T0 + 10 * MIN5, bucketMs: MIN5 });
    expect(vib!.points).toEqual([
      { t: T0, v: 0.12 },
      { t: T0 + MIN5, v: 0.9 },
      { t: T0 + 2 * MIN5, v: 0.46 },
    ]);
    expect(vib).toMatchObject({ code: "vibration", title: "Vibration", unit: "g", latest: 0.46, min: 0.12, max: 0.9 });
    expect(bat).toMatchObject({ latest: 88, points: [{ t: T0, v: 88 }] });
  });

  it("breaks the line where the device was silent for more than the gap, and reports an empty series", () => {
    const rows = [
      { code: "device_temp", t: T0, v: 30 },
      { code: "device_temp", t: T0 + MIN5, v: 31 },
      { code: "device_temp", t: T0 + 10 * MIN5, v: 32 },
    ];
    const [temp, vib] = prepareDeviceTrends(rows, ["device_temp", "vibration"], {
      from: T0,
      to: T0 + 12 * MIN5,
      bucketMs: MIN5,
      gapBuckets: 3,
    });
    expect(temp!.points).toEqual([
      { t: T0, v: 30 },
      { t: T0 + MIN5, v: 31 },
      { t: T0 + 2 * MIN5, v: null },
      { t: T0 + 10 * MIN5, v: 32 },
    ]);
    expect(vib).toMatchObject({ points: [], latest: null, min: null, max: null });
  });

  it("puts clock ticks on whole hours in UTC", () => {
    const h = 3_600_000;
    expect(clockTicks(T0 - 30 * 60_000, T0 + 9 * h, 4 * h)).toEqual([T0, T0 + 4 * h, T0 + 8 * h]);
    expect(formatClockUtc(T0 + 13 * h + 5 * 60_000)).toBe("13:05");
  });
});
