// Predictive maintenance: a streaming, per-device drift detector on a device's own health signals
// (device_temp, vibration, power). Pure: no I/O, no clock, no server.
//
// Signal path, per signal:
//   readings → log scale for vibration and power (wear multiplies them) → 10-minute epoch medians (a knock or a
//   bed move lasting a few minutes is an impulse, and the median ignores it)
//   → warm-up: the device's normal as the median and MAD of the epoch medians (robust to the odd bump), with a
//     floor on the spread so a very steady device is not hair-triggered
//   → standardized residual z (upward: wear raises friction, heat, current), clipped
//   → one-sided CUSUM with a minimum-duration condition: the alarm is raised only once the CUSUM has stayed
//     above its threshold for minDurationMs, so a transient never alarms.
// Severity follows how far the worst signal now stands from normal, and a finding is returned again whenever
// the severity rises. The normal keeps adapting slowly (ward temperature, usage) while no evidence of drift
// is accumulating, and is frozen while it is.

export const PM_SIGNALS = ["device_temp", "vibration", "power"] as const;
export type PmSignal = (typeof PM_SIGNALS)[number];

/** Transform per signal: wear multiplies vibration and power, so those are tracked on a log scale. */
const LOG_SCALE: Readonly<Record<PmSignal, boolean>> = { device_temp: false, vibration: true, power: true };

/**
 * Smallest spread assumed (°C for device_temp; natural-log units, i.e. roughly relative, for vibration and power).
 * A few hours of warm-up rarely see every operating point (infusion rate, ward temperature by day and night),
 * and a 0.01 g vibration resolution is coarse: these floors stand for that unseen normal variability.
 */
export const PM_SPREAD_FLOOR: Readonly<Record<PmSignal, number>> = { device_temp: 1, vibration: 0.12, power: 0.1 };

export type PmSeverity = "low" | "medium" | "high";

export type MaintenanceOptions = {
  /** Epoch over which readings are summarized by their median (ms), default 10 min. */
  epochMs?: number;
  /** Learning period (ms), default 4 h. */
  warmupMs?: number;
  /** Minimum number of epochs in the warm-up, default 12. */
  minWarmupEpochs?: number;
  spreadFloor?: Partial<Record<PmSignal, number>>;
  /** CUSUM allowance in standard deviations, default 1. */
  k?: number;
  /** CUSUM threshold, default 8. */
  h?: number;
  /** The CUSUM must stay above h this long before an alarm (ms), default 30 min. */
  minDurationMs?: number;
  /** |z| clip before the CUSUM, default 6. */
  zClip?: number;
  /** Time constant of the slow adaptation of the normal (ms), default 6 h; 0 disables it. */
  adaptTauMs?: number;
  /** Severity from the worst signal's current z: medium from this … (default 6) */
  mediumZ?: number;
  /** … high from this (default 10). */
  highZ?: number;
};

export type PmSample = { t: number; values: Partial<Record<PmSignal, number>> };

export type PmSignalDrift = {
  signal: PmSignal;
  /** Normal and current level in the signal's own unit (°C, g, W). */
  normal: number;
  current: number;
  /** (current − normal) / normal for vibration and power, current − normal (°C) for device_temp. */
  change: number;
  z: number;
  cusum: number;
  /** Estimated onset: start of the epoch after the CUSUM last stood at 0. */
  sinceT: number;
};

export type PmFinding = {
  t: number;
  severity: PmSeverity;
  /** Signals that are drifting (CUSUM above its threshold), worst first. */
  signals: PmSignalDrift[];
  /** Earliest onset among them. */
  sinceT: number;
  /** True for the first finding of an episode, false for a severity escalation. */
  raised: boolean;
};

export type PmState = {
  phase: "warmup" | "monitoring" | "alarm";
  normal: Partial<Record<PmSignal, { center: number; spread: number }>>;
  cusum: Partial<Record<PmSignal, number>>;
  active: PmFinding | null;
};

export type MaintenanceDetector = {
  /** Feed readings in non-decreasing time order; returns a finding when an alarm is raised or escalates. */
  update(sample: PmSample): PmFinding | null;
  state(): PmState;
};

type SignalState = {
  warm: number[];
  firstEpochT: number | null;
  center: number | null;
  spread: number;
  cusum: number;
  aboveSince: number | null;
  lastZeroT: number;
  lastZ: number;
  lastLevel: number;
};

const DEFAULTS = {
  epochMs: 10 * 60_000,
  warmupMs: 4 * 3_600_000,
  minWarmupEpochs: 12,
  k: 1,
  h: 8,
  minDurationMs: 30 * 60_000,
  zClip: 6,
  adaptTauMs: 6 * 3_600_000,
  mediumZ: 6,
  highZ: 10,
};
const SEVERITY_RANK: Readonly<Record<PmSeverity, number>> = { low: 0, medium: 1, high: 2 };
/** Consecutive epochs with every CUSUM back at 0 before a latched alarm clears. */
const CLEAR_EPOCHS = 6;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const hi = s[mid] ?? NaN;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

/** Median absolute deviation scaled to a standard deviation under normality. */
export function robustSpread(xs: readonly number[], center: number): number {
  return 1.4826 * median(xs.map((x) => Math.abs(x - center)));
}

function toScale(signal: PmSignal, v: number): number {
  return LOG_SCALE[signal] ? Math.log(Math.max(v, 1e-6)) : v;
}

function fromScale(signal: PmSignal, v: number): number {
  return LOG_SCALE[signal] ? Math.exp(v) : v;
}

export function createMaintenanceDetector(opts: MaintenanceOptions = {}): MaintenanceDetector {
  const o = { ...DEFAULTS, ...opts };
  const floor = { ...PM_SPREAD_FLOOR, ...opts.spreadFloor };
  const adaptAlpha = o.adaptTauMs > 0 ? 1 - Math.exp(-o.epochMs / o.adaptTauMs) : 0;
  const signals = {} as Record<PmSignal, SignalState>;
  for (const s of PM_SIGNALS) {
    signals[s] = {
      warm: [],
      firstEpochT: null,
      center: null,
      spread: 0,
      cusum: 0,
      aboveSince: null,
      lastZeroT: 0,
      lastZ: 0,
      lastLevel: NaN,
    };
  }
  let epochStart: number | null = null;
  let buffer: Partial<Record<PmSignal, number[]>> = {};
  let active: PmFinding | null = null;
  let quietEpochs = 0;

  function drift(signal: PmSignal, st: SignalState): PmSignalDrift {
    const normal = fromScale(signal, st.center ?? NaN);
    const current = fromScale(signal, st.lastLevel);
    return {
      signal,
      normal,
      current,
      change: LOG_SCALE[signal] ? current / normal - 1 : current - normal,
      z: st.lastZ,
      cusum: st.cusum,
      sinceT: st.lastZeroT,
    };
  }

  function severityOf(z: number): PmSeverity {
    if (z >= o.highZ) return "high";
    if (z >= o.mediumZ) return "medium";
    return "low";
  }

  function closeEpoch(start: number, decidedAt: number): PmFinding | null {
    const end = start + o.epochMs;
    let anyData = false;
    for (const signal of PM_SIGNALS) {
      const xs = buffer[signal];
      if (!xs || xs.length === 0) continue;
      anyData = true;
      const level = median(xs);
      const st = signals[signal];
      if (st.center === null) {
        if (st.firstEpochT === null) st.firstEpochT = start;
        st.warm.push(level);
        if (end - st.firstEpochT >= o.warmupMs && st.warm.length >= o.minWarmupEpochs) {
          st.center = median(st.warm);
          st.spread = Math.max(floor[signal], robustSpread(st.warm, st.center));
          st.warm = [];
          st.lastZeroT = end;
        }
        continue;
      }
      const z = (level - st.center) / st.spread;
      st.lastZ = z;
      st.lastLevel = level;
      st.cusum = Math.max(0, st.cusum + Math.max(-o.zClip, Math.min(o.zClip, z)) - o.k);
      if (st.cusum === 0) st.lastZeroT = end;
      if (st.cusum >= o.h) st.aboveSince ??= end;
      else st.aboveSince = null;
      // Slow adaptation of the normal while this signal shows no evidence of drift.
      if (!active && adaptAlpha > 0 && st.cusum < o.h / 2) {
        const r = Math.max(-3 * st.spread, Math.min(3 * st.spread, level - st.center));
        st.center += adaptAlpha * r;
        st.spread = Math.max(floor[signal], Math.sqrt(st.spread ** 2 + adaptAlpha * (r * r - st.spread ** 2)));
      }
    }
    if (!anyData) return null;

    const drifting = PM_SIGNALS.filter((s) => signals[s].aboveSince !== null && end - (signals[s].aboveSince ?? end) >= o.minDurationMs)
      .map((s) => drift(s, signals[s]))
      .sort((a, b) => b.z - a.z);

    if (active) {
      const allQuiet = PM_SIGNALS.every((s) => signals[s].cusum === 0);
      quietEpochs = allQuiet ? quietEpochs + 1 : 0;
      if (quietEpochs >= CLEAR_EPOCHS) {
        active = null;
        quietEpochs = 0;
        return null;
      }
      const worst = drifting[0];
      if (!worst) return null;
      const severity = severityOf(worst.z);
      if (SEVERITY_RANK[severity] <= SEVERITY_RANK[active.severity]) return null;
      active = { t: decidedAt, severity, signals: drifting, sinceT: Math.min(...drifting.map((d) => d.sinceT)), raised: false };
      return active;
    }
    const worst = drifting[0];
    if (!worst) return null;
    active = {
      t: decidedAt,
      severity: severityOf(worst.z),
      signals: drifting,
      sinceT: Math.min(...drifting.map((d) => d.sinceT)),
      raised: true,
    };
    quietEpochs = 0;
    return active;
  }

  return {
    update(sample: PmSample): PmFinding | null {
      const { t } = sample;
      let finding: PmFinding | null = null;
      if (epochStart === null) epochStart = Math.floor(t / o.epochMs) * o.epochMs;
      if (t >= epochStart + o.epochMs) {
        finding = closeEpoch(epochStart, t);
        buffer = {};
        epochStart = Math.floor(t / o.epochMs) * o.epochMs;
      }
      for (const signal of PM_SIGNALS) {
        const v = sample.values[signal];
        if (typeof v !== "number" || !Number.isFinite(v)) continue;
        (buffer[signal] ??= []).push(toScale(signal, v));
      }
      return finding;
    },
    state(): PmState {
      const normal: PmState["normal"] = {};
      const cusum: PmState["cusum"] = {};
      for (const s of PM_SIGNALS) {
        const st = signals[s];
        if (st.center === null) continue;
        normal[s] = { center: fromScale(s, st.center), spread: st.spread };
        cusum[s] = st.cusum;
      }
      const ready = Object.keys(normal).length > 0;
      return { phase: active ? "alarm" : ready ? "monitoring" : "warmup", normal, cusum, active };
    },
  };
}
