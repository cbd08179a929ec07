// A quick loop measuring bare parse speed (parseAdtMessage alone, no database, no ACK) for the ADT
// benchmark to print beside the end-to-end figure.
import { parseAdtMessage } from "./parse-adt";

export interface ParseRate {
  messages: number;
  ms: number;
  perSecond: number;
  refused: number;
}

/** Parses `texts` round-robin for about `durationMs` after a short warm-up. */
export function measureParseRate(texts: readonly string[], durationMs = 1000): ParseRate {
  if (texts.length === 0) throw new RangeError("texts: give at least one message");
  for (let i = 0; i < 500; i += 1) parseAdtMessage(texts[i % texts.length] as string);
  let messages = 0;
  let refused = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 100; i += 1) {
      if (!parseAdtMessage(texts[messages % texts.length] as string).ok) refused += 1;
      messages += 1;
    }
    elapsed = performance.now() - start;
  }
  return { messages, ms: elapsed, perSecond: (messages / elapsed) * 1000, refused };
}
