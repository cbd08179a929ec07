// Device → screen latency on the ward page: the publishers log when each frame left (epoch ms, the bench's
// clock) with the heart rate it carried; the page probe logs when a tile's heart-rate number changed in
// the DOM (epoch ms, performance.timeOrigin + now, the same machine's clock). A shown number is matched to
// the latest frame of that bed carrying that number sent before it appeared. Pure (unit-tested).

/** One frame as it left a publisher. */
export type SentFrame = { bed: string; at: number; heartRate: number };
/** One change of a tile's heart-rate number, as the page's DOM showed it. */
export type ShownValue = { bed: string; at: number; text: string };

/** Chromium's time origin and Node's clock may differ by a fraction of a millisecond. */
const CLOCK_SLACK_MS = 2;

/**
 * Latency of each shown change (ms), and how many changes matched no frame sent in the `maxAgeMs` before
 * (e.g. the server render's values, or a number the page formats differently).
 */
export function screenLatencies(
  sent: readonly SentFrame[],
  shown: readonly ShownValue[],
  maxAgeMs = 5_000,
): { latencies: number[]; unmatched: number } {
  const byBed = new Map<string, SentFrame[]>();
  for (const f of sent) {
    const list = byBed.get(f.bed) ?? [];
    list.push(f);
    byBed.set(f.bed, list);
  }
  for (const list of byBed.values()) list.sort((a, b) => a.at - b.at);
  const latencies: number[] = [];
  let unmatched = 0;
  for (const s of shown) {
    const value = Number(s.text.trim());
    const frames = byBed.get(s.bed) ?? [];
    let match: SentFrame | null = null;
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i]!;
      if (f.at > s.at + CLOCK_SLACK_MS) continue;
      if (s.at - f.at > maxAgeMs) break;
      if (f.heartRate === value) {
        match = f;
        break;
      }
    }
    if (match) latencies.push(Math.max(0, s.at - match.at));
    else unmatched++;
  }
  return { latencies, unmatched };
}
