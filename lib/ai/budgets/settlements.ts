// Settlements run after the clinician has the answer: the reservation already holds the call's worst case
// against every budget, and a settlement only ever lowers it to the real cost, so no budget can overshoot
// while one is in flight. Readers of the call log, spend and budgets in this process wait for those in
// flight first (they read their own writes), and the server waits for them before it closes the database.
// A settlement that fails leaves the call pending; the reservation sweep releases it (lib/ai/start-ai).
import "server-only";

const inFlight = new Set<Promise<void>>();

/** Runs `settlement` without holding up the caller; its failure is logged, never thrown at anyone. */
export function settleInBackground(settlement: Promise<void>): void {
  const tracked = settlement
    .catch((err: Error) => console.error(`[ai] settling a call failed (the sweep releases it): ${err.message}`))
    .finally(() => inFlight.delete(tracked));
  inFlight.add(tracked);
}

/** Resolves once every settlement started so far has landed (or failed). */
export async function settlementsLanded(): Promise<void> {
  while (inFlight.size > 0) await Promise.all(inFlight);
}
