// What every section of bench:alarms returns, and the command-line flags they share.
export type AlarmBenchSection = {
  /** Key in the JSON output. */
  name: string;
  title: string;
  /** Machine-readable rows (any flat shape the section chooses). */
  rows: readonly object[];
  /** Human-readable lines printed under the title (usually a table). */
  lines: string[];
  /** Anything else worth keeping in the JSON (parameters, comparisons). */
  details?: Record<string, unknown>;
};

export type BenchFlags = { beds: number; devices: number; hours: number; seed: number };
