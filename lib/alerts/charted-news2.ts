// NEWS2 for a late, complete set of observations: a frame that arrives older than the freshness window (a
// monitor or logger uploading what it recorded while offline, the demo's uploaded day) can never count for
// the live score, but when it carries all seven parameters (none a suspected artifact) it is a complete
// charted set, scored as of its own time and stored like a live score, so the NEWS2 trend covers the
// uploaded past too. Nothing is published or alarmed: it is history. Pure.
import { NEWS2_PARAMETERS, scoreNews2, type News2Input } from "@/lib/domain/news2";
import type { VitalsEvent } from "@/lib/events";
import type { StoredNews2 } from "./live-news2";

export function chartedNews2(e: VitalsEvent, spo2Scale: 1 | 2 | null, now: number, windowMs: number): StoredNews2 | null {
  if (spo2Scale === null || !e.patientId || !(now - e.ts > windowMs)) return null;
  const artifacts = new Set(e.artifacts ?? []);
  const input: News2Input = {};
  for (const key of NEWS2_PARAMETERS) {
    const v = e.values[key];
    if (v === undefined || !Number.isFinite(v) || artifacts.has(key)) return null;
    input[key] = v;
  }
  const result = scoreNews2(input, { spo2Scale });
  if (!result.complete || result.total === null) return null;
  return { patientId: e.patientId, at: e.ts, total: result.total, components: result.components };
}
