// Where a governed call's time goes, stage by stage, published on a diagnostics channel: free when nobody
// listens, and any tracer (the AI benchmark, an APM agent) can subscribe without touching the call path.
import diagnostics_channel from "node:diagnostics_channel";

/** scope: version + subject checked (parameter reads started); prepare: parameters, de-identify, render,
 *  count; reserve: budgets + log row; model: the model call; audit: waiting for the audit row; answer:
 *  pseudonyms mapped back. */
export type CallStage = "scope" | "prepare" | "reserve" | "model" | "audit" | "answer";
export type CallStageEvent = { callId: string; stage: CallStage; ms: number };

export const CALL_STAGE_CHANNEL = "iomt.ai.call-stage";
const channel = diagnostics_channel.channel(CALL_STAGE_CHANNEL);

/** A clock for one call: each lap publishes the time since the previous one under the stage's name. */
export function stageClock(callId: string): (stage: CallStage) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    if (channel.hasSubscribers) channel.publish({ callId, stage, ms: now - last } satisfies CallStageEvent);
    last = now;
  };
}
