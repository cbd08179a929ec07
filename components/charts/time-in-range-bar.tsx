// Time in range as one stacked bar (very high at the top, very low at the bottom, as on the AGP report)
// with each range's share and time, and the consensus targets met or not beside it. Presentational:
// the numbers come from lib/charts/prepare-cgm.
import {
  GLUCOSE_RANGES,
  formatDuration,
  formatPercent,
  formatTargetPercent,
  type CgmTargetResult,
  type TirBucket,
} from "@/lib/charts/prepare-cgm";

export type TimeInRangeBarProps = {
  buckets: readonly TirBucket[];
  targets: readonly CgmTargetResult[];
  /** Days the readings cover (minutes / 1440), for the time per day. */
  daysCovered: number;
};

/** A sliver still shows: every range with any time gets at least this share of the bar's height. */
const MIN_VISIBLE_PERCENT = 1.5;

export function TimeInRangeBar({ buckets, targets, daysCovered }: TimeInRangeBarProps) {
  const top = [...buckets].reverse();
  return (
    <div className="flex flex-wrap gap-6" data-testid="time-in-range">
      <div className="flex gap-3">
        <div
          className="flex h-56 w-10 flex-col overflow-hidden rounded border border-line"
          role="img"
          aria-label={top.map((b) => `${GLUCOSE_RANGES[b.key].label} ${formatPercent(b.percent)}`).join(", ")}
        >
          {top.map((b) => (
            <div
              key={b.key}
              style={{ flexGrow: b.percent > 0 ? Math.max(b.percent, MIN_VISIBLE_PERCENT) : 0, background: GLUCOSE_RANGES[b.key].color }}
              title={`${GLUCOSE_RANGES[b.key].label} ${GLUCOSE_RANGES[b.key].range} mg/dL: ${formatPercent(b.percent)}`}
            />
          ))}
        </div>
        <table className="self-center text-sm">
          <tbody>
            {top.map((b) => (
              <tr key={b.key} data-range={b.key}>
                <td className="pr-2">
                  <span
                    aria-hidden="true"
                    className="mr-1.5 inline-block size-2.5 rounded-sm"
                    style={{ background: GLUCOSE_RANGES[b.key].color }}
                  />
                  {GLUCOSE_RANGES[b.key].label}
                </td>
                <td className="pr-3 text-ink-muted tabular">{GLUCOSE_RANGES[b.key].range}</td>
                <td className="pr-3 text-right font-semibold tabular">{formatPercent(b.percent)}</td>
                <td className="text-right text-xs text-ink-muted tabular">
                  {formatDuration(b.minutes)}
                  {daysCovered >= 1.5 && ` (${formatDuration(b.minutes / daysCovered)}/day)`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <table className="self-center text-sm" aria-label="Consensus targets">
        <thead>
          <tr className="text-left text-xs text-ink-muted">
            <th className="pr-3 font-normal">Consensus target</th>
            <th className="pr-3 font-normal">Goal</th>
            <th className="pr-3 text-right font-normal">Actual</th>
            <th className="font-normal" />
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.key} data-target={t.key} data-met={t.met === null ? "" : String(t.met)}>
              <td className="pr-3">{t.label}</td>
              <td className="pr-3 text-ink-muted tabular">
                {t.goal === "above" ? ">" : "<"} {t.percent} %
              </td>
              <td className="pr-3 text-right font-semibold tabular">{formatTargetPercent(t.actual, t)}</td>
              <td className={t.met === null ? "text-ink-faint" : t.met ? "text-ok" : "text-alarm-medium"}>
                {t.met === null ? "no data" : t.met ? "✓ met" : "✗ not met"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
