// Statistics for the detector section of bench:alarms: the median, the Poisson upper bound of a false-alarm rate,
// the false-alarm fields of a report row, and rounding to one decimal for the report.

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** One-sided upper confidence bound for a Poisson mean after observing `count` events (e.g. 0 → 3.0). */
export function poissonUpperBound(count: number, confidence = 0.95): number {
  if (count > 50) {
    // Wilson-Hilferty approximation of the chi-square quantile (exact sums would underflow); one-sided 95 %.
    const z = 1.6449;
    const n = count + 1;
    return n * (1 - 1 / (9 * n) + z * Math.sqrt(1 / (9 * n))) ** 3;
  }
  const cdf = (lambda: number) => {
    let term = Math.exp(-lambda);
    let sum = term;
    for (let i = 1; i <= count; i++) {
      term *= lambda / i;
      sum += term;
    }
    return sum;
  };
  let lo = count;
  let hi = count + 10 + 10 * Math.sqrt(count + 1);
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) > 1 - confidence) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function rate(
  falseAlarms: number,
  exposureDays: number,
): { falseAlarms: number; exposureDays: number; falseAlarmsPerDay: number; falseAlarmsPerDayUpper95: number } {
  const days = Math.max(exposureDays, 1e-9);
  return {
    falseAlarms,
    exposureDays,
    falseAlarmsPerDay: falseAlarms / days,
    falseAlarmsPerDayUpper95: poissonUpperBound(falseAlarms) / days,
  };
}

export function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}
