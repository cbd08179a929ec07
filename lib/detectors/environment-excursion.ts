// Environment excursions for a vaccine fridge (CDC: 2–8 °C; a logger reading at least every 30 minutes; every
// excursion recorded with its duration). Streaming and pure: no I/O, no clock, no server.
//
// An excursion starts at the first reading outside the range and is reported once it has lasted minDurationMs,
// a reading still being outside then (a door opened for a minute is not an excursion; readings hovering at the
// limit are one excursion, not many). It ends at the first reading
// back inside the range, confirmed once readings have stayed inside for clearMs (a brief dip back in range does
// not split one excursion into two), or at once by a reading clearly inside (hysteresisC from the limit). Each excursion carries its start, end, duration, min and max, and whether
// it is ongoing. Two readings further apart than maxGapMs are a data gap, reported when the next reading arrives,
// or by check(now) while it is still open. A gap check(now) opened (nothing arrived for too long) is withdrawn
// when the next reading shows the logger did record in time (its readings were only delivered late).

export type ExcursionOptions = {
  /** Allowed range, inclusive (°C), default 2–8. */
  lowC?: number;
  highC?: number;
  /** An excursion is reported once it has lasted this long (ms), default 5 min. */
  minDurationMs?: number;
  /** Readings must stay back in range this long for the excursion to end (ms), default 5 min … */
  clearMs?: number;
  /** … unless a reading is this far inside the limit (°C), which ends it at once; default 0.3. */
  hysteresisC?: number;
  /** Longest allowed gap between readings (ms), default 30 min. */
  maxGapMs?: number;
};

export type Excursion = {
  kind: "high" | "low";
  /** Time of the first reading out of range. */
  startT: number;
  /** Time of the first reading back in range (null while ongoing). */
  endT: number | null;
  /** endT − startT, or (latest reading − startT) while ongoing. */
  durationMs: number;
  minC: number;
  maxC: number;
  ongoing: boolean;
  /** When the excursion was reported (its persistence confirmed). */
  reportedAt: number;
};

export type DataGap = { startT: number; endT: number | null; durationMs: number; ongoing: boolean };

export type EnvironmentEvent =
  | { type: "excursion-started"; t: number; excursion: Excursion }
  | { type: "excursion-ended"; t: number; excursion: Excursion }
  | { type: "data-gap"; t: number; gap: DataGap }
  /** A gap opened by check(now) that the late readings show never happened in the logger's record. */
  | { type: "data-gap-withdrawn"; t: number; gap: DataGap };

export type EnvironmentReading = { t: number; value: number };

export type ExcursionDetector = {
  /** Feed readings in non-decreasing time order; returns what happened (usually nothing). */
  update(reading: EnvironmentReading): EnvironmentEvent[];
  /** With no new reading: reports an open data gap once it exceeds maxGapMs. */
  check(now: number): EnvironmentEvent[];
  /** Reported excursions so far (completed and ongoing), oldest first. */
  excursions(): Excursion[];
  /** Data gaps so far, oldest first. */
  gaps(): DataGap[];
};

const DEFAULTS = { lowC: 2, highC: 8, minDurationMs: 5 * 60_000, clearMs: 5 * 60_000, hysteresisC: 0.3, maxGapMs: 30 * 60_000 };

/** Out of range but not yet for minDurationMs; returnedAt: first reading back in range, if any since. */
type Candidate = { kind: "high" | "low"; startT: number; minC: number; maxC: number; returnedAt: number | null };

export function createExcursionDetector(opts: ExcursionOptions = {}): ExcursionDetector {
  const o = { ...DEFAULTS, ...opts };
  if (!(o.lowC < o.highC)) throw new RangeError(`lowC must be below highC (got ${o.lowC}, ${o.highC})`);
  const done: Excursion[] = [];
  const gapLog: DataGap[] = [];
  let candidate: Candidate | null = null;
  let active: Excursion | null = null;
  /** First in-range reading after an active excursion, while waiting for clearMs. */
  let returnedAt: number | null = null;
  let lastT: number | null = null;
  let openGapReported = false;

  function kindOf(value: number): "high" | "low" | null {
    if (value > o.highC) return "high";
    if (value < o.lowC) return "low";
    return null;
  }

  function clearlyInside(kind: "high" | "low", value: number): boolean {
    return kind === "high" ? value <= o.highC - o.hysteresisC : value >= o.lowC + o.hysteresisC;
  }

  function close(ex: Excursion, endT: number, at: number): EnvironmentEvent {
    const closed: Excursion = { ...ex, endT, durationMs: endT - ex.startT, ongoing: false };
    done.push(closed);
    active = null;
    returnedAt = null;
    return { type: "excursion-ended", t: at, excursion: closed };
  }

  return {
    update({ t, value }: EnvironmentReading): EnvironmentEvent[] {
      const events: EnvironmentEvent[] = [];
      if (!Number.isFinite(value)) return events;
      const open = openGapReported ? gapLog[gapLog.length - 1] : undefined;
      if (lastT !== null && t - lastT > o.maxGapMs) {
        const gap: DataGap = { startT: lastT, endT: t, durationMs: t - lastT, ongoing: false };
        if (open?.ongoing) gapLog[gapLog.length - 1] = gap;
        else gapLog.push(gap);
        events.push({ type: "data-gap", t, gap });
      } else if (open?.ongoing) {
        gapLog.pop();
        events.push({ type: "data-gap-withdrawn", t, gap: open });
      }
      openGapReported = false;
      lastT = t;
      const kind = kindOf(value);

      if (active) {
        if (kind === active.kind) {
          returnedAt = null;
          active = { ...active, minC: Math.min(active.minC, value), maxC: Math.max(active.maxC, value), durationMs: t - active.startT };
          return events;
        }
        returnedAt ??= t;
        if (kind !== null || clearlyInside(active.kind, value) || t - returnedAt >= o.clearMs) events.push(close(active, returnedAt, t));
        else return events;
      }

      if (kind === null) {
        // Back in range: a blip is over once clearly inside (or inside for clearMs); hovering at the limit is not.
        if (candidate) {
          const returned = candidate.returnedAt ?? t;
          candidate = clearlyInside(candidate.kind, value) || t - returned >= o.clearMs ? null : { ...candidate, returnedAt: returned };
        }
        return events;
      }
      if (!candidate || candidate.kind !== kind) candidate = { kind, startT: t, minC: value, maxC: value, returnedAt: null };
      else candidate = { ...candidate, minC: Math.min(candidate.minC, value), maxC: Math.max(candidate.maxC, value), returnedAt: null };
      if (t - candidate.startT >= o.minDurationMs) {
        active = {
          kind,
          startT: candidate.startT,
          endT: null,
          durationMs: t - candidate.startT,
          minC: candidate.minC,
          maxC: candidate.maxC,
          ongoing: true,
          reportedAt: t,
        };
        candidate = null;
        events.push({ type: "excursion-started", t, excursion: active });
      }
      return events;
    },
    check(now: number): EnvironmentEvent[] {
      if (lastT === null || openGapReported || now - lastT <= o.maxGapMs) return [];
      openGapReported = true;
      const gap: DataGap = { startT: lastT, endT: null, durationMs: now - lastT, ongoing: true };
      gapLog.push(gap);
      return [{ type: "data-gap", t: now, gap }];
    },
    excursions(): Excursion[] {
      return active ? [...done, { ...active }] : [...done];
    },
    gaps(): DataGap[] {
      return [...gapLog];
    },
  };
}
