// The triage risk of one home patient, from the aggregates of triage-query.ts: which targets are missed
// (product.md: CGM consensus 2019; home BP ESH 2023 / AHA 2017; asthma control) and a score to sort by.
// Pure and client-safe.

export const TRIAGE_TARGETS = {
  /** CGM over 14 days: time below 70 mg/dL < 4%, below 54 mg/dL < 1%. */
  below70Pct: 4,
  below54Pct: 1,
  /** Home BP: a 7-day average of 135/85 mmHg or more is hypertension; 180/120 or more in one reading is a crisis. */
  bpAverage: { sys: 135, dia: 85 },
  bpCrisis: { sys: 180, dia: 120 },
  /** Asthma: rescue use on more than 2 days a week, controller adherence under 80%. */
  rescueDaysPerWeek: 2,
  controllerAdherencePct: 80,
  /** The prescribed controller regimen: doses a day (the portal's CONTROLLER_DOSES_PER_DAY). */
  controllerDosesPerDay: 2,
} as const;

export type TriageMetrics = {
  /** CGM readings in the last 14 days and how many were below 70 and below 54 mg/dL. */
  glucose: { readings: number; below70: number; below54: number };
  /** Home BP over the last 7 days: readings, averages (null without readings), highest values. */
  bp: { readings: number; avgSys: number | null; avgDia: number | null; maxSys: number | null; maxDia: number | null };
  /** Smart inhaler (rescue_puffs, controller_puffs), for a patient with an inhaler paired or inhaler data in 14
   *  days (else null): rescue puffs in the last 7 days and the 7 before, days with rescue use in the last 7,
   *  controller doses taken of those prescribed over the last 7 complete days. */
  inhaler: { rescueThisWeek: number; rescueLastWeek: number; rescueDaysThisWeek: number; controllerAdherencePct: number | null } | null;
  /** Paired home devices silent for longer than their expected interval. */
  gaps: { deviceId: string; type: string; lastSeenAt: string | null }[];
};

export type RiskFlag = {
  code:
    | "glucose_below_54"
    | "glucose_below_70"
    | "bp_crisis"
    | "bp_above_target"
    | "rescue_rising"
    | "rescue_days"
    | "controller_adherence"
    | "data_gap";
  severity: "high" | "medium" | "low";
  text: string;
};

export type TriageRisk = {
  flags: RiskFlag[];
  /** Higher is sicker: high 100, medium 10, low 1 per flag. */
  score: number;
  below70Pct: number | null;
  below54Pct: number | null;
};

const WEIGHT: Record<RiskFlag["severity"], number> = { high: 100, medium: 10, low: 1 };

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

export function assessTriageRisk(m: TriageMetrics): TriageRisk {
  const t = TRIAGE_TARGETS;
  const flags: RiskFlag[] = [];
  const below70Pct = pct(m.glucose.below70, m.glucose.readings);
  const below54Pct = pct(m.glucose.below54, m.glucose.readings);
  if (below54Pct !== null && below54Pct >= t.below54Pct)
    flags.push({
      code: "glucose_below_54",
      severity: "high",
      text: `${below54Pct}% of 14 days below 54 mg/dL (target < ${t.below54Pct}%)`,
    });
  if (below70Pct !== null && below70Pct >= t.below70Pct)
    flags.push({
      code: "glucose_below_70",
      severity: "medium",
      text: `${below70Pct}% of 14 days below 70 mg/dL (target < ${t.below70Pct}%)`,
    });
  const { bp } = m;
  if ((bp.maxSys ?? 0) >= t.bpCrisis.sys || (bp.maxDia ?? 0) >= t.bpCrisis.dia)
    flags.push({
      code: "bp_crisis",
      severity: "high",
      text: `a reading of ${bp.maxSys ?? "?"}/${bp.maxDia ?? "?"} mmHg in 7 days (crisis ≥ 180/120)`,
    });
  if (bp.avgSys !== null && bp.avgDia !== null && (bp.avgSys >= t.bpAverage.sys || bp.avgDia >= t.bpAverage.dia))
    flags.push({
      code: "bp_above_target",
      severity: "medium",
      text: `7-day home average ${Math.round(bp.avgSys)}/${Math.round(bp.avgDia)} mmHg (target < 135/85)`,
    });
  const inh = m.inhaler;
  if (inh) {
    if (inh.rescueThisWeek > inh.rescueLastWeek)
      flags.push({
        code: "rescue_rising",
        severity: "medium",
        text: `rescue puffs ${inh.rescueLastWeek} last week → ${inh.rescueThisWeek} this week`,
      });
    if (inh.rescueDaysThisWeek > t.rescueDaysPerWeek)
      flags.push({
        code: "rescue_days",
        severity: "medium",
        text: `rescue use on ${inh.rescueDaysThisWeek} days this week (poor control: > 2)`,
      });
    if (inh.controllerAdherencePct !== null && inh.controllerAdherencePct < t.controllerAdherencePct)
      flags.push({
        code: "controller_adherence",
        severity: "medium",
        text: `controller adherence ${inh.controllerAdherencePct}% (target ≥ 80%)`,
      });
  }
  for (const g of m.gaps)
    flags.push({ code: "data_gap", severity: "low", text: `${g.type} ${g.deviceId} silent since ${g.lastSeenAt ?? "it was paired"}` });
  return { flags, score: flags.reduce((s, f) => s + WEIGHT[f.severity], 0), below70Pct, below54Pct };
}

/** Sickest first; equal scores by name. */
export function sortByRisk<T extends { name: string; risk: Pick<TriageRisk, "score"> }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.risk.score - a.risk.score || a.name.localeCompare(b.name));
}
