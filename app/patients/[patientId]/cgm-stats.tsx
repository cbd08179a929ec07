// Headline CGM statistics for the 14-day window: readings, days, CGM active time (consensus: at least
// 70 % of 14 days for a reliable report), mean glucose, GMI and CV (target ≤ 36 %).
import type { CgmSummary } from "@/lib/charts/prepare-cgm";

const numberFormat = new Intl.NumberFormat("en-US");

export type CgmStatsProps = { summary: CgmSummary; days: string; readingsStored: number; downsampled: boolean };

export function CgmStats({ summary, days, readingsStored, downsampled }: CgmStatsProps) {
  const coverage = Math.round(summary.coverage * 100);
  const cvHigh = summary.cv !== null && summary.cv > 36;
  return (
    <div className="mt-2">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="cgm-stats">
        <Stat label="Readings" value={numberFormat.format(readingsStored)} />
        <Stat label="Data" value={days} />
        <Stat label="CGM active" value={`${coverage} %`} warn={coverage < 70} />
        <Stat label="Mean glucose" value={summary.mean === null ? "—" : `${Math.round(summary.mean)} mg/dL`} />
        <Stat label="GMI" value={summary.gmi === null ? "—" : `${summary.gmi.toFixed(1)} %`} />
        <Stat label="CV" value={summary.cv === null ? "—" : `${summary.cv.toFixed(1)} %`} warn={cvHigh} />
      </dl>
      {(coverage < 70 || downsampled) && (
        <p className="mt-1 text-xs text-ink-muted">
          {coverage < 70 && "Less than 70 % of 14 days has CGM data: targets and profile may not be representative. "}
          {downsampled &&
            `Computed from ${numberFormat.format(summary.readings)} of ${numberFormat.format(readingsStored)} readings (downsampled): an approximation.`}
        </p>
      )}
    </div>
  );
}

function Stat({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className="flex gap-2">
      <dt className="text-ink-muted">{label}</dt>
      <dd className={`font-medium tabular ${warn ? "text-alarm-medium" : ""}`}>{value}</dd>
    </div>
  );
}
