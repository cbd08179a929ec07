// Pure state updates of the ward dashboard: apply a batch of live vitals to the beds, and merge a fresh
// server snapshot (after a reconnect) without losing live values that are newer than it. A bed object is
// replaced only when it changed, so memoised tiles of the other beds do not re-render.
import { isMetricKey } from "@/lib/domain/metrics";
import type { BedTile } from "@/lib/store/ward-types";
import type { VitalsPayload } from "@/lib/events";

type Spark = BedTile["sparkline"];

/** A bed as the dashboard holds it: the snapshot's shape plus which latest values the server flagged as artifacts. */
export type LiveBed = BedTile & {
  /** Metric keys whose latest value is a suspected artifact: shown, but not scored. */
  artifacts?: readonly string[];
};

/** Inserts points by time (ignoring a time already present) and drops those older than `windowMs` before the newest. */
export function mergeSparkline(current: Spark, added: Spark, windowMs: number): Spark {
  if (added.length === 0) return current;
  const last = current[current.length - 1];
  const inOrder = added.every(
    (p, i) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.t > (i === 0 ? (last?.t ?? -Infinity) : added[i - 1]!.t),
  );
  if (inOrder) {
    // The usual case: new readings arrive after the ones we hold.
    const newest = added[added.length - 1]!.t;
    const first = current.findIndex((p) => p.t >= newest - windowMs);
    return [...(first === -1 ? [] : current.slice(first)), ...added];
  }
  const byTime = new Map<number, number>();
  for (const p of current) byTime.set(p.t, p.v);
  for (const p of added) if (Number.isFinite(p.t) && Number.isFinite(p.v)) byTime.set(p.t, p.v);
  const merged = [...byTime].map(([t, v]) => ({ t, v })).sort((a, b) => a.t - b.t);
  const newest = merged[merged.length - 1]?.t ?? 0;
  return merged.filter((p) => p.t >= newest - windowMs);
}

function newer(a: string | undefined, b: string): boolean {
  return a === undefined || Date.parse(b) > Date.parse(a);
}

/** Applies vitals events for this ward's patients; returns `beds` itself when nothing changed. */
export function applyVitals(beds: readonly LiveBed[], events: readonly VitalsPayload[], sparklineMs: number): LiveBed[] {
  const byPatient = new Map<string, VitalsPayload[]>();
  for (const e of events) {
    const list = byPatient.get(e.patientId);
    if (list) list.push(e);
    else byPatient.set(e.patientId, [e]);
  }
  let changed = false;
  const next = beds.map((bed) => {
    const mine = bed.patient ? byPatient.get(bed.patient.id) : undefined;
    if (!mine) return bed;
    let latest = bed.latest;
    const artifacts = new Set(bed.artifacts);
    const spark: Spark = [];
    for (const e of mine) {
      const t = Date.parse(e.ts);
      if (!Number.isFinite(t)) continue;
      for (const [key, v] of Object.entries(e.values)) {
        if (!isMetricKey(key) || !Number.isFinite(v) || !newer(latest[key]?.t, e.ts)) continue;
        latest = { ...latest, [key]: { v, t: e.ts } };
        if (e.artifacts?.includes(key)) artifacts.add(key);
        else artifacts.delete(key);
      }
      const hr = e.values.heart_rate;
      if (hr !== undefined && Number.isFinite(hr) && !e.artifacts?.includes("heart_rate")) spark.push({ t, v: hr });
    }
    const sparkline = mergeSparkline(bed.sparkline, spark, sparklineMs);
    const nextArtifacts = [...artifacts].sort();
    const sameArtifacts = nextArtifacts.join() === (bed.artifacts ?? []).join();
    if (latest === bed.latest && sparkline === bed.sparkline && sameArtifacts) return bed;
    changed = true;
    return { ...bed, latest, sparkline, artifacts: sameArtifacts ? bed.artifacts : nextArtifacts };
  });
  return changed ? next : (beds as LiveBed[]);
}

/**
 * A fresh snapshot replaces the beds (patients may have moved), but for a patient still present any live
 * value newer than the snapshot's is kept, and sparkline points are united.
 */
export function mergeSnapshot(current: readonly LiveBed[], incoming: readonly BedTile[], sparklineMs: number): LiveBed[] {
  const byPatient = new Map(current.flatMap((b) => (b.patient ? [[b.patient.id, b] as const] : [])));
  return incoming.map((bed) => {
    const old = bed.patient ? byPatient.get(bed.patient.id) : undefined;
    if (!old) return bed;
    const latest = { ...bed.latest };
    const artifacts: string[] = [];
    for (const [key, val] of Object.entries(old.latest)) {
      if (!isMetricKey(key) || !val) continue;
      const keepLive = newer(latest[key]?.t, val.t) || latest[key]?.t === val.t;
      if (keepLive) latest[key] = val;
      // An artifact flag travels with the live value it belongs to.
      if (keepLive && old.artifacts?.includes(key)) artifacts.push(key);
    }
    return {
      ...bed,
      latest,
      sparkline: mergeSparkline(bed.sparkline, old.sparkline, sparklineMs),
      ...(artifacts.length ? { artifacts } : {}),
    };
  });
}
