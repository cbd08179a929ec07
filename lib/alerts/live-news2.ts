// Live NEWS2 per patient (pure, no I/O): scores the latest reading of each of the seven parameters that
// is no older than the freshness window (receive time), with the patient's SpO2 scale, and decides what
// to publish (every change, "missing" included) and what to store (a complete score when it changes, at
// most every few seconds, and at least every few minutes while it stays complete).
import { freshNews2Input, NEWS2_PARAMETERS, scoreNews2, type News2Parameter, type News2Result } from "@/lib/domain/news2";
import type { News2Event } from "@/lib/events";
import type { PatientState } from "./rule-types";

export type StoredNews2 = { patientId: string; at: number; total: number; components: Partial<Record<News2Parameter, number>> };

export type News2Decision = { result: News2Result; publish: News2Event | null; store: StoredNews2 | null };

export type LiveNews2Options = { windowMs: number; minStoreIntervalMs?: number; heartbeatMs?: number };

type Memory = { publishedSig: string | null; storedSig: string | null; storedAt: number };

export function scoreLatest(p: PatientState, spo2Scale: 1 | 2, now: number, windowMs: number): News2Result {
  const latest: Partial<Record<string, { v: number; t: number }>> = {};
  for (const key of NEWS2_PARAMETERS) {
    const s = p.latest.get(key);
    if (s) latest[key] = { v: s.v, t: s.at };
  }
  return scoreNews2(freshNews2Input(latest, now, windowMs), { spo2Scale });
}

export class LiveNews2 {
  private readonly memory = new Map<string, Memory>();
  private readonly minStoreIntervalMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly opts: LiveNews2Options) {
    this.minStoreIntervalMs = opts.minStoreIntervalMs ?? 5_000;
    this.heartbeatMs = opts.heartbeatMs ?? 5 * 60_000;
  }

  /** Null until the patient's SpO2 scale is known. */
  update(p: PatientState, now: number): News2Decision | null {
    if (!p.info) return null;
    const result = scoreLatest(p, p.info.spo2Scale, now, this.opts.windowMs);
    const m = this.memory.get(p.patientId) ?? { publishedSig: null, storedSig: null, storedAt: -Infinity };
    this.memory.set(p.patientId, m);

    const publishSig = JSON.stringify([result.total, result.components, result.missing]);
    let publish: News2Event | null = null;
    if (publishSig !== m.publishedSig) {
      m.publishedSig = publishSig;
      publish = {
        patientId: p.patientId,
        wardId: p.wardId,
        ts: now,
        total: result.total,
        band: result.band,
        components: result.components,
        missing: result.missing,
        anySingleThree: result.anySingleThree,
      };
    }

    let store: StoredNews2 | null = null;
    if (result.complete && result.total !== null) {
      const storeSig = JSON.stringify([result.total, result.components]);
      const due = storeSig !== m.storedSig || now - m.storedAt >= this.heartbeatMs;
      if (due && now - m.storedAt >= this.minStoreIntervalMs) {
        m.storedSig = storeSig;
        m.storedAt = now;
        store = { patientId: p.patientId, at: now, total: result.total, components: result.components };
      }
    }
    return { result, publish, store };
  }
}
