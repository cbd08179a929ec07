// bench:ai: where the governed calls' time went, from the call path's own stage timings (a diagnostics
// channel, lib/ai/features/call-stages.ts): each stage's p50/p99 over all calls, and the stages of the
// slowest 1 % of calls by overhead, so a tail can be put down to a stage rather than guessed at.
import diagnostics_channel from "node:diagnostics_channel";
import { CALL_STAGE_CHANNEL, type CallStage, type CallStageEvent } from "@/lib/ai/features/call-stages";
import { LatencySamples } from "@/bench/ingest/bench-stats";

const OVERHEAD_STAGES: CallStage[] = ["scope", "prepare", "reserve", "audit", "answer"];

export function traceCallStages() {
  const byCall = new Map<string, Partial<Record<CallStage, number>>>();
  const listen = (message: unknown) => {
    const e = message as CallStageEvent;
    const stages = byCall.get(e.callId) ?? {};
    stages[e.stage] = (stages[e.stage] ?? 0) + e.ms;
    byCall.set(e.callId, stages);
  };
  diagnostics_channel.subscribe(CALL_STAGE_CHANNEL, listen);
  return {
    stop: () => diagnostics_channel.unsubscribe(CALL_STAGE_CHANNEL, listen),
    /** Lines to print: per stage over all traced calls, then the mean stages of the slowest 1 % by `overheadById`. */
    report(overheadById: Map<string, number>): string[] {
      const f = (v: number | null) => (v === null ? "-" : v.toFixed(2));
      const lines = OVERHEAD_STAGES.map((stage) => {
        const s = new LatencySamples();
        for (const id of overheadById.keys()) s.add(byCall.get(id)?.[stage] ?? 0);
        const sum = s.summary();
        return `  ${stage.padEnd(8)} p50 ${f(sum.p50)} ms  p99 ${f(sum.p99)} ms  max ${f(sum.max)} ms`;
      });
      const slowest = [...overheadById].sort((a, b) => b[1] - a[1]).slice(0, Math.max(1, Math.ceil(overheadById.size / 100)));
      const mean = (stage: CallStage) => slowest.reduce((n, [id]) => n + (byCall.get(id)?.[stage] ?? 0), 0) / slowest.length;
      const parts = OVERHEAD_STAGES.map((stage) => `${stage} ${mean(stage).toFixed(1)}`).join(" / ");
      const overhead = slowest.reduce((n, [, ms]) => n + ms, 0) / slowest.length;
      lines.push(`  the slowest ${slowest.length} calls (overhead ${overhead.toFixed(1)} ms on average): ${parts} ms`);
      return lines;
    },
  };
}
