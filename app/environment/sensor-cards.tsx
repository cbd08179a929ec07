// The sensors in the caller's scope, each a card with its current temperature (in range or not, and how old),
// humidity and logger battery, and its 24 h temperature chart. Server component: the chart data is prepared
// here (lib/charts/prepare-environment) and drawn by a presentational client chart.
import { EnvironmentChart } from "@/components/charts/environment-chart";
import { prepareEnvironmentChart } from "@/lib/charts/prepare-environment";
import { describeProfile } from "@/lib/domain/environment-profiles";
import { SENSOR_WINDOW_MS, type SensorReadings } from "@/lib/environment/sensor-readings";

function age(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return "just now";
  if (min < 60) return `${min} min ago`;
  return `${Math.floor(min / 60)} h ${min % 60} min ago`;
}

const STATE_TEXT = { in_range: "in range", high: "above range", low: "below range" } as const;
const STATE_TONE = { in_range: "text-ok", high: "text-alarm-high", low: "text-alarm-low" } as const;

export function SensorCards({ sensors, now }: { sensors: SensorReadings[]; now: number }) {
  if (sensors.length === 0) {
    return <p className="mt-4 text-sm text-ink-muted">No environment sensors in your scope.</p>;
  }
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2 2xl:grid-cols-3" aria-label="Sensors">
      {sensors.map((s) => {
        const chart = prepareEnvironmentChart({
          points: s.temperature,
          nowMs: now,
          windowMs: SENSOR_WINDOW_MS,
          lowC: s.lowC,
          highC: s.highC,
        });
        const latest = chart.latest;
        const where = [s.wardCode ? `Ward ${s.wardCode}` : null, s.roomName].filter(Boolean).join(" · ");
        return (
          <li key={s.deviceId} className="rounded-lg border border-line bg-panel p-4" data-testid={`sensor-${s.deviceId}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <div className="min-w-0">
                <h3 className="font-medium">{s.location ?? s.deviceId}</h3>
                <p className="text-xs text-ink-muted">
                  {s.deviceId} · {describeProfile(s.profile)}
                  {where ? ` · ${where}` : ""}
                </p>
              </div>
              <div className="text-right" data-testid="sensor-current">
                {latest ? (
                  <>
                    <span className={`text-3xl font-semibold tabular-nums ${STATE_TONE[latest.state]}`}>{latest.v.toFixed(1)} °C</span>
                    <p className="text-xs text-ink-muted">
                      <span className={STATE_TONE[latest.state]}>{STATE_TEXT[latest.state]}</span> ·{" "}
                      <span className={latest.stale ? "text-alarm-medium" : ""}>{age(latest.ageMs)}</span>
                    </p>
                  </>
                ) : (
                  <span className="text-sm text-alarm-medium">no reading in 24 h</span>
                )}
              </div>
            </div>
            <p className="mt-1 text-xs text-ink-muted">
              {s.humidity ? `Humidity ${Math.round(s.humidity.v)} %` : "Humidity —"} ·{" "}
              {s.battery ? `logger battery ${Math.round(s.battery.v)} %` : "logger battery —"}
              {chart.minC !== null && chart.maxC !== null ? ` · 24 h min ${chart.minC.toFixed(1)} / max ${chart.maxC.toFixed(1)} °C` : ""}
            </p>
            <EnvironmentChart
              deviceId={s.deviceId}
              rows={chart.rows}
              xDomain={chart.xDomain}
              xTicks={chart.xTicks}
              yDomain={chart.yDomain}
              band={chart.band}
            />
          </li>
        );
      })}
    </ul>
  );
}
