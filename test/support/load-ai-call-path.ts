// Run by lib/ai/runtime/tokenizer-off-main.test.ts in a child process: imports what the app's main thread
// loads for an AI call, says so, then loads the token counter itself (the probe's positive control).
import "@/lib/ai/service";
import "@/lib/ai/features/run-feature";
import "@/lib/ai/model/call-model";
import "@/lib/ai/model/model-client";
import "@/lib/ai/runtime/outbound-thread";

process.stderr.write("AI call path imported\n");
void import("@/lib/ai/tokens/count-tokens").then((m) => {
  process.stderr.write(`counted ${m.countTextTokens("handover at seven", "gpt-4o")} tokens\n`);
});
