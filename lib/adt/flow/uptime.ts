// Device uptime: online device-hours over in-service device-hours in a window. Online intervals may overlap
// (e.g. two reports of one session) and are merged; a device counts only while in service.
import { HOUR_MS } from "./stats";
import { FlowInputError, type Kpi, type TimeWindow } from "./flow-types";

export interface DeviceOnline {
  deviceId: string;
  online: readonly TimeWindow[];
  /** When the device was in service; the whole window when absent. */
  inService?: TimeWindow;
}

export interface DeviceUptimeRow {
  deviceId: string;
  onlineHours: number;
  expectedHours: number;
  ratio: number | null;
}

export const DEVICE_UPTIME_DEFINITION =
  "Device uptime: hours online ÷ hours in service, summed over devices, in the period. Online intervals are merged " +
  "where they overlap and clipped to the period and the device's time in service.";

function clip(from: number, to: number, lo: number, hi: number): [number, number] | null {
  const a = Math.max(from, lo);
  const b = Math.min(to, hi);
  return b > a ? [a, b] : null;
}

function mergedLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [a, b] of sorted) {
    if (!current || a > current[1]) {
      if (current) total += current[1] - current[0];
      current = [a, b];
    } else current[1] = Math.max(current[1], b);
  }
  return total + (current ? current[1] - current[0] : 0);
}

export function deviceUptime(devices: readonly DeviceOnline[], window: TimeWindow): Kpi & { byDevice: DeviceUptimeRow[] } {
  if (window.to <= window.from) throw new FlowInputError("window", "must end after it starts");
  const byDevice: DeviceUptimeRow[] = devices.map((d, i) => {
    const service = d.inService ?? window;
    const span = clip(service.from.getTime(), service.to.getTime(), window.from.getTime(), window.to.getTime());
    const parts: [number, number][] = [];
    for (const [j, o] of d.online.entries()) {
      if (o.to < o.from) throw new FlowInputError(`devices[${i}].online[${j}]`, "ends before it starts");
      const c = span && clip(o.from.getTime(), o.to.getTime(), span[0], span[1]);
      if (c) parts.push(c);
    }
    const expected = span ? span[1] - span[0] : 0;
    const online = mergedLength(parts);
    return {
      deviceId: d.deviceId,
      onlineHours: online / HOUR_MS,
      expectedHours: expected / HOUR_MS,
      ratio: expected === 0 ? null : online / expected,
    };
  });
  const online = byDevice.reduce((s, d) => s + d.onlineHours, 0);
  const expected = byDevice.reduce((s, d) => s + d.expectedHours, 0);
  return {
    value: expected === 0 ? null : online / expected,
    numerator: online,
    denominator: expected,
    unit: "ratio",
    definition: DEVICE_UPTIME_DEFINITION,
    rows: {
      numerator: byDevice.filter((d) => d.onlineHours > 0).map((d) => d.deviceId),
      denominator: byDevice.filter((d) => d.expectedHours > 0).map((d) => d.deviceId),
    },
    byDevice,
  };
}
