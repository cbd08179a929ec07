// The simulated patients at home (issue 15): what each home device records, as a pure function of wall time.
// A source answers "which readings fall in [from, to)", so the same model gives the 14 days uploaded on a
// device's first run and the live readings after, without state, a seam or a duplicate. Every random draw is
// a hash of the device's seed and the reading's slot, so a reading never depends on when it was asked for.
//   cgm-diabetes        every 5 min; meals, a nocturnal low reaching exactly 51 mg/dL every fourth night
//                       (the anchor's own night included) and, for the demo, an urgent low 51 mg/dL plateau
//                       that starts minutes after the anchor (the demo start) so the alert path shows at once.
//   bp-rising           07:30 and 20:30 (± 20 min, one in ten missed); home BP climbing, the 7-day average
//                       crossing 135/85 in the week before the anchor.
//   inhaler-controller  2 puffs at 08:00 and 20:00 (± 40 min), one dose in eight missed (a third in the pollen week).
//   inhaler-rescue      rescue puffs on about one day in eight, most days of the pollen week, often twice.
//   air-pollen-week     every 30 min: PM2.5, pollen index, temperature, humidity; the pollen week is the
//                       anchor's local day and the six before it; two days of poor air (PM2.5 > 35 µg/m³).
// Event devices (cuff, inhalers) also send an hourly battery heartbeat, as real ones do to stay "online".
import type { MetricKey } from "@/lib/domain/metrics";
import { mulberry32 } from "./vital-model";

export const HOME_SCENARIOS = ["cgm-diabetes", "bp-rising", "inhaler-controller", "inhaler-rescue", "air-pollen-week"] as const;
export type HomeScenario = (typeof HOME_SCENARIOS)[number];

export type HomeValues = Partial<Record<MetricKey, number>>;
export type HomeReading = { ts: number; values: HomeValues };

export type HomeSourceOptions = {
  scenario: HomeScenario;
  seed: number;
  /** Wall time the demo story is placed around (the device's creation). */
  anchorMs: number;
  /** The patient's local offset from UTC, minutes (meals, nights and doses follow local time). */
  tzOffsetMinutes?: number;
};

export type HomeSource = {
  readonly scenario: HomeScenario;
  /** Readings with from ≤ ts < to, in time order (one per timestamp). */
  readings(fromMs: number, toMs: number): HomeReading[];
};

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const CGM_INTERVAL_MS = 5 * MIN;
export const AIR_INTERVAL_MS = 30 * MIN;
/** The lowest a simulated low reaches. */
export const LOW_NADIR_MG_DL = 51;
/** The demo's urgent low: 51 mg/dL from about 10 to 30 minutes after the anchor. */
export const URGENT_LOW = { plateauFromMs: 10 * MIN, plateauToMs: 30 * MIN, rampMs: 20 * MIN } as const;
/** Pollen week: the anchor's local day and the six before it (offsets in local days from the anchor's day). */
export const POLLEN_WEEK = { fromDay: -6, toDay: 0 } as const;
/** Days of poor air (PM2.5 above 35 µg/m³ all day), relative to the anchor's local day. */
export const POOR_AIR_DAYS: readonly number[] = [-10, -3];

/** A uniform number in [0, 1) for a (seed, slot, stream): stateless. */
export function draw(seed: number, slot: number, stream: number): number {
  return mulberry32((seed ^ Math.imul(slot + 0x9e37, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0)();
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

type Clock = { tz: number; anchorDay: number };

/** Local day number (days since the epoch in local time) and minute of that day. */
function localDay(t: number, tzMin: number): number {
  return Math.floor((t + tzMin * MIN) / DAY);
}
/** Wall time of a local day's minute. */
function wallAt(day: number, minute: number, tzMin: number): number {
  return day * DAY + minute * MIN - tzMin * MIN;
}

/** Times on a fixed grid (multiples of step since the epoch) in [from, to). */
function grid(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t < to; t += step) out.push(t);
  return out;
}

/** Raised-cosine weight 0..1: 1 on [from, to], falling to 0 over `ramp` either side. */
function plateau(t: number, from: number, to: number, ramp: number): number {
  if (t >= from && t <= to) return 1;
  const d = t < from ? from - t : t - to;
  return d >= ramp ? 0 : 0.5 * (1 + Math.cos((Math.PI * d) / ramp));
}

// ---- glucose ------------------------------------------------------------------------------------------
const MEALS_MIN = [7 * 60 + 30, 12 * 60 + 30, 18 * 60 + 30];

/** A night with a low: every fourth local day from the anchor's (its 03:00–04:00 nadir lies in that day). */
export function isLowNight(dayOffset: number): boolean {
  return ((dayOffset % 4) + 4) % 4 === 0;
}

function glucoseAt(t: number, seed: number, c: Clock): number {
  const day = localDay(t, c.tz);
  let g = 112 + 8 * Math.sin((2 * Math.PI * t) / (7.3 * HOUR)) + 5 * Math.sin((2 * Math.PI * t) / (2.9 * HOUR) + (seed % 7));
  for (const d of [day - 1, day]) {
    MEALS_MIN.forEach((m, i) => {
      const dt = (t - wallAt(d, m, c.tz)) / (45 * MIN);
      if (dt <= 0 || dt > 8) return;
      const amplitude = 45 + 95 * draw(seed, d * 3 + i, 1);
      g += amplitude * dt * Math.exp(1 - dt);
    });
  }
  g += 6 * (draw(seed, Math.floor(t / CGM_INTERVAL_MS), 2) - 0.5);
  // The nocturnal low: a 51 mg/dL trough at 03:00–04:00 on a low night.
  let w = 0;
  if (isLowNight(day - c.anchorDay)) {
    const nadir = wallAt(day, 180 + 5 * Math.floor(12 * draw(seed, day, 3)), c.tz);
    w = plateau(t, nadir, nadir + 10 * MIN, 70 * MIN);
  }
  return clamp(g, 40, 400) * (1 - w) + LOW_NADIR_MG_DL * w;
}

function cgmReadings(from: number, to: number, seed: number, anchor: number, c: Clock): HomeReading[] {
  return grid(from, to, CGM_INTERVAL_MS).map((t) => {
    const base = glucoseAt(t, seed, c);
    const w = plateau(t, anchor + URGENT_LOW.plateauFromMs, anchor + URGENT_LOW.plateauToMs, URGENT_LOW.rampMs);
    const values: HomeValues = { glucose: Math.round(base * (1 - w) + LOW_NADIR_MG_DL * w) };
    if (t % HOUR === 0) values.battery = Math.round(clamp(62 - (1.2 * (t - anchor)) / DAY, 5, 100));
    return { ts: t, values };
  });
}

// ---- events (cuff, inhalers) ----------------------------------------------------------------------------
type Event = { ts: number; values: HomeValues };

/** Events of local days touching [from, to), kept when inside it. */
function daily(from: number, to: number, c: Clock, perDay: (day: number) => Event[]): Event[] {
  const out: Event[] = [];
  for (let d = localDay(from, c.tz) - 1; d <= localDay(to, c.tz) + 1; d++) {
    for (const e of perDay(d)) if (e.ts >= from && e.ts < to) out.push(e);
  }
  return out;
}

function heartbeats(from: number, to: number, anchor: number, start: number): Event[] {
  return grid(from, to, HOUR).map((t) => ({ ts: t, values: { battery: Math.round(clamp(start - (0.5 * (t - anchor)) / DAY, 5, 100)) } }));
}

/** Merges events at the same timestamp, sorted by time. */
function merged(events: Event[]): HomeReading[] {
  const byTs = new Map<number, HomeValues>();
  for (const e of events) byTs.set(e.ts, { ...byTs.get(e.ts), ...e.values });
  return [...byTs.entries()].sort((a, b) => a[0] - b[0]).map(([ts, values]) => ({ ts, values }));
}

/** 0 fourteen days before the anchor, 1 at the anchor, up to 1.25 after. */
function bpProgress(t: number, anchor: number): number {
  return clamp((t - (anchor - 14 * DAY)) / (14 * DAY), 0, 1.25);
}

function bpEvents(seed: number, anchor: number, c: Clock) {
  return (day: number): Event[] =>
    [7 * 60 + 30, 20 * 60 + 30].flatMap((minute, i) => {
      const slot = day * 2 + i;
      if (draw(seed, slot, 4) < 0.1) return [];
      const ts = wallAt(day, minute, c.tz) + Math.floor(40 * draw(seed, slot, 5) - 20) * MIN;
      const p = bpProgress(ts, anchor);
      const sys = 126 + 18 * p + (i === 0 ? 3 : 0) + 14 * (draw(seed, slot, 6) - 0.5);
      const dia = 78 + 12 * p + 10 * (draw(seed, slot, 7) - 0.5);
      const pulse = 66 + 12 * draw(seed, slot, 8);
      return [{ ts, values: { bp_sys: Math.round(sys), bp_dia: Math.round(dia), heart_rate: Math.round(pulse) } }];
    });
}

export function inPollenWeek(dayOffset: number): boolean {
  return dayOffset >= POLLEN_WEEK.fromDay && dayOffset <= POLLEN_WEEK.toDay;
}

function controllerEvents(seed: number, c: Clock) {
  return (day: number): Event[] =>
    [8 * 60, 20 * 60].flatMap((minute, i) => {
      const slot = day * 2 + i;
      // A missed dose: about one in eight, one in three in the pollen week (the week control slips).
      if (draw(seed, slot, 9) < (inPollenWeek(day - c.anchorDay) ? 0.33 : 0.13)) return [];
      return [{ ts: wallAt(day, minute + Math.floor(80 * draw(seed, slot, 10) - 40), c.tz), values: { controller_puffs: 2 } }];
    });
}

function rescueEvents(seed: number, c: Clock) {
  return (day: number): Event[] => {
    const pollen = inPollenWeek(day - c.anchorDay);
    const uses = pollen ? (draw(seed, day, 11) < 0.85 ? 1 + Math.floor(2.2 * draw(seed, day, 12)) : 0) : draw(seed, day, 11) < 0.12 ? 1 : 0;
    return Array.from({ length: uses }, (_, k) => ({
      ts: wallAt(day, 9 * 60 + k * 240 + Math.floor(200 * draw(seed, day * 4 + k, 13)), c.tz),
      values: { rescue_puffs: 1 + Math.floor(2 * draw(seed, day * 4 + k, 14)) },
    }));
  };
}

function airReadings(from: number, to: number, seed: number, anchor: number, c: Clock): HomeReading[] {
  return grid(from, to, AIR_INTERVAL_MS).map((t) => {
    const day = localDay(t, c.tz);
    const offset = day - c.anchorDay;
    const minute = (t - wallAt(day, 0, c.tz)) / MIN;
    const slot = Math.floor(t / AIR_INTERVAL_MS);
    // Pollen peaks in the afternoon; a pollen-week day is high (7.3+) all day.
    const diurnal = Math.sin((Math.PI * minute) / (24 * 60));
    const pollen = inPollenWeek(offset) ? 7.6 + 2.5 * draw(seed, day, 15) + 1.2 * diurnal : 0.8 + 2.4 * draw(seed, day, 15) * diurnal;
    const pm25 = POOR_AIR_DAYS.includes(offset) ? 42 + 14 * draw(seed, slot, 16) : 6 + 10 * draw(seed, slot, 16);
    return {
      ts: t,
      values: {
        pm25: Math.round(pm25),
        pollen_index: round1(clamp(pollen, 0, 12)),
        env_temp: round1(20.5 + 1.5 * diurnal + 0.6 * (draw(seed, slot, 17) - 0.5)),
        humidity: Math.round(44 + 8 * draw(seed, day, 18) + 3 * (draw(seed, slot, 19) - 0.5)),
        battery: Math.round(clamp(81 - (0.4 * (t - anchor)) / DAY, 5, 100)),
      },
    };
  });
}

export function createHomeSource(o: HomeSourceOptions): HomeSource {
  const tz = o.tzOffsetMinutes ?? 0;
  const c: Clock = { tz, anchorDay: localDay(o.anchorMs, tz) };
  const { seed, anchorMs: anchor } = o;
  const readings = (from: number, to: number): HomeReading[] => {
    if (!(to > from)) return [];
    switch (o.scenario) {
      case "cgm-diabetes":
        return cgmReadings(from, to, seed, anchor, c);
      case "air-pollen-week":
        return airReadings(from, to, seed, anchor, c);
      case "bp-rising":
        return merged([...daily(from, to, c, bpEvents(seed, anchor, c)), ...heartbeats(from, to, anchor, 74)]);
      case "inhaler-controller":
        return merged([...daily(from, to, c, controllerEvents(seed, c)), ...heartbeats(from, to, anchor, 68)]);
      case "inhaler-rescue":
        return merged([...daily(from, to, c, rescueEvents(seed, c)), ...heartbeats(from, to, anchor, 90)]);
    }
  };
  return { scenario: o.scenario, readings };
}

/** The scenario a home device plays by type when the demo names none. */
export function defaultHomeScenario(type: string): HomeScenario | null {
  if (type === "cgm") return "cgm-diabetes";
  if (type === "bp_cuff") return "bp-rising";
  if (type === "smart_inhaler") return "inhaler-controller";
  if (type === "home_air_sensor") return "air-pollen-week";
  return null;
}
