// Sending a planned backfill (lib/simulator/equipment-backfill) over a device's MQTT client: each body once the
// plan's pacing allows it (counted from the first body actually sent) and the client is connected, resent after
// a pause until acknowledged (the same seqs: a resend is harmless). Shared by monitors and equipment.
import type { BackfillFrame, BackfillPlan } from "./equipment-backfill";

/** Pause before resending a body that was not acknowledged. */
export const BACKFILL_RETRY_MS = 2000;
const POLL_MS = 50;

export type BackfillSender = {
  connected(): boolean;
  stopped(): boolean;
  sleep(ms: number): Promise<void>;
  /** Publishes one body (QoS 1); resolves with the error, or null once acknowledged. */
  publish(frames: BackfillFrame[]): Promise<Error | null>;
  onError(err: Error): void;
};

/** Sends every body of the plan in order; true when all were acknowledged, false if stopped first. */
export async function sendBackfill(plan: BackfillPlan, s: BackfillSender): Promise<boolean> {
  let t0: number | null = null;
  for (const chunk of plan.chunks) {
    for (;;) {
      while (!s.stopped() && (!s.connected() || (t0 !== null && Date.now() - t0 < chunk.atMs))) await s.sleep(POLL_MS);
      t0 ??= Date.now();
      if (s.stopped()) return false;
      const err = await s.publish(chunk.frames);
      if (!err) break;
      if (s.stopped()) return false;
      s.onError(err);
      await s.sleep(BACKFILL_RETRY_MS);
    }
  }
  return true;
}

/** "24 h" or "90 min", for the simulator's log line. */
export function describeSpan(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`;
}
