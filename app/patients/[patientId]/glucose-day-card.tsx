"use client";
// The last 24 hours of CGM glucose as a trend with the patient's glucose alarm limits (low 70, urgent
// low 54, high 250 unless overridden) and markers where glucose alarms were raised.
import { VitalTrendChart } from "@/components/charts/vital-trend-chart";
import type { Point } from "@/lib/charts/lttb";
import { agpYTicks } from "@/lib/charts/prepare-agp";
import { glucoseYDomain } from "@/lib/charts/prepare-cgm";
import { alarmMarkers, limitLines } from "@/lib/charts/prepare-limits";
import { breakGaps, formatClock, showDots, timeTicks } from "@/lib/charts/prepare-trend";
import { useAlarmLimits, usePatientAlerts } from "./use-patient-data";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A CGM reading every 5 minutes (some every 15): a longer silence is a sensor gap. */
const GAP_MS = 20 * 60_000;
const LINE = [{ key: "glucose", label: "Glucose", color: "var(--color-vital-spo2)" }];

export type GlucoseDayCardProps = { patientId: string; points: readonly Point[]; now: number; showAlarms: boolean };

export function GlucoseDayCard({ patientId, points, now, showAlarms }: GlucoseDayCardProps) {
  const limits = useAlarmLimits(patientId, showAlarms).data ?? [];
  const alerts = usePatientAlerts(patientId, showAlarms).data ?? [];
  const end = Math.max(now, points.at(-1)?.t ?? 0);
  const domain: [number, number] = [end - DAY_MS, end];
  const day = points.filter((p) => p.t >= domain[0]);
  const lines = limitLines("glucose", limits);
  const yDomain = glucoseYDomain(
    day,
    lines.filter((l) => !l.critical).map((l) => l.y),
  );
  const markers = alarmMarkers(alerts, "glucose", domain, yDomain, (t) => formatClock(t));
  const last = day.at(-1);
  return (
    <VitalTrendChart
      code="glucose"
      title="Glucose, last 24 h"
      unit="mg/dL"
      decimals={0}
      rows={breakGaps(
        day.map((p) => ({ t: p.t, glucose: p.v })),
        GAP_MS,
      )}
      lines={LINE}
      xDomain={domain}
      yDomain={yDomain}
      yTicks={agpYTicks(yDomain)}
      xTicks={timeTicks(domain, "24h")}
      formatTick={(t) => formatClock(t)}
      band={{ y1: 70, y2: 180, label: "Target 70–180" }}
      limits={lines}
      markers={markers}
      dots={showDots(day, DAY_MS)}
      connectNulls={false}
      placeholder={day.length === 0 ? "No glucose readings in the last 24 hours" : null}
      latest={last ? String(Math.round(last.v)) : null}
      latestAt={last ? formatClock(last.t) : null}
      footnote={markers.length > 0 ? `${markers.length} glucose alarm${markers.length === 1 ? "" : "s"} in the last 24 h` : null}
    />
  );
}
