// Baseline learning for the deterioration trend detector: mean and spread of the warm-up epoch means, the
// spread shrunk towards a clinical prior by the effective number of independent epochs. Pure math.
import type { ParameterBaseline } from "./trend-types";

/** Mean, sample sd and lag-1 autocorrelation → baseline with the spread shrunk towards the prior. */
export function learnBaseline(xs: readonly number[], priorSd: number, priorWeight: number): ParameterBaseline {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let ss = 0;
  let lag = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] ?? mean) - mean;
    ss += d * d;
    if (i > 0) lag += d * ((xs[i - 1] ?? mean) - mean);
  }
  const variance = n > 1 ? ss / (n - 1) : 0;
  const rho = ss > 0 ? Math.min(0.95, Math.max(0, lag / ss)) : 0;
  const effectiveEpochs = Math.max(1, (n * (1 - rho)) / (1 + rho));
  const shrunk = (priorWeight * priorSd ** 2 + effectiveEpochs * variance) / (priorWeight + effectiveEpochs);
  // The baseline mean is itself uncertain (few independent epochs): widen the spread accordingly.
  const sd = Math.sqrt(shrunk * (1 + 1 / effectiveEpochs));
  return { mean, sd, effectiveEpochs };
}
