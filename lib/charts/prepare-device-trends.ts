// Pure preparation of a device's own telemetry trends (device page): one chart per metric the device
// sends about itself (vibration, device or fridge temperature, power, humidity, battery), from bucketed
// averages; a bucket missing for longer than `gapBuckets` breaks the line (a null point) so a silent
// period is not drawn as a straight line. No React, no I/O; unit-tested.
import { METRICS, isMetricKey, type MetricKey } from "@/lib/domain/metrics";

/** Metrics about the equipment itself, never about a patient: the only ones a device page charts. */
export const EQUIPMENT_METRICS = [
  "vibration",
  "device_temp",
  "env_temp",
  "humidity",
  "power",
  "battery",
] as const satisfies readonly MetricKey[];

export type BucketRow = { code: string; t: number; v: number };
export type TrendPoint = { t: number; v: number | null };
export type DeviceTrend = {
  code: MetricKey;
  title: string;
  unit: string;
  decimals: number;
  points: TrendPoint[];
  latest: number | null;
  min: number | null;
  max: number | null;
};

export type TrendWindow = { from: number; to: number; bucketMs: number; gapBuckets?: number };

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** The equipment metrics of a device type's metric list, in EQUIPMENT_METRICS order. */
export function equipmentMetricsOf(typeMetrics: readonly string[]): MetricKey[] {
  return EQUIPMENT_METRICS.filter((m) => typeMetrics.includes(m));
}

export function prepareDeviceTrends(rows: readonly BucketRow[], codes: readonly MetricKey[], w: TrendWindow): DeviceTrend[] {
  const gapMs = (w.gapBuckets ?? 3) * w.bucketMs;
  return codes.map((code) => {
    const def = METRICS[code];
    const series = rows.filter((r) => r.code === code && r.t >= w.from && r.t <= w.to && Number.isFinite(r.v)).sort((a, b) => a.t - b.t);
    const points: TrendPoint[] = [];
    for (const r of series) {
      const prev = points[points.length - 1];
      if (prev && r.t - prev.t > gapMs) points.push({ t: prev.t + w.bucketMs, v: null });
      points.push({ t: r.t, v: round(r.v, def.decimals) });
    }
    const values = series.map((r) => r.v);
    return {
      code,
      title: def.label,
      unit: def.display,
      decimals: def.decimals,
      points,
      latest: series.length ? round(series[series.length - 1]!.v, def.decimals) : null,
      min: values.length ? round(Math.min(...values), def.decimals) : null,
      max: values.length ? round(Math.max(...values), def.decimals) : null,
    };
  });
}

/** Whether a code is one the device page may chart (an equipment metric). */
export function isEquipmentMetric(code: string): boolean {
  return isMetricKey(code) && (EQUIPMENT_METRICS as readonly string[]).includes(code);
}

/** Ticks on whole multiples of `stepMs` (UTC) inside the window. */
export function clockTicks(from: number, to: number, stepMs: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / stepMs) * stepMs; t <= to; t += stepMs) out.push(t);
  return out;
}

/** "HH:MM" in UTC, the time zone of every device and audit time on screen. */
export function formatClockUtc(t: number): string {
  return new Date(t).toISOString().slice(11, 16);
}
