// What leaves for the model, composed from values already read: every parameter value de-identified in
// one session (consistent pseudonyms, one receipt), the prompt rendered, a final de-identification pass
// over the whole outbound text, and the input tokens counted. Pure and CPU-bound, with plain data in and
// out, so it can run on a worker thread (lib/ai/runtime/outbound-worker.ts) beside the event loop.
import { createDeidentifier } from "@/lib/ai/deidentify/deidentify";
import type { DeidentifyContext, FieldRules, JsonValue, PseudonymMap, RedactionReceipt } from "@/lib/ai/deidentify/types";
import type { PromptMessage, PromptVariable } from "@/lib/ai/prompts/prompt-version";
import { renderMessages } from "@/lib/ai/prompts/template";
import type { PromptIssue } from "@/lib/ai/prompts/template";
import { countChatInputTokens } from "@/lib/ai/tokens/count-tokens";
import type { ModelMessage } from "@/lib/ai/model/call-model";

export type OutboundInput = {
  context: DeidentifyContext;
  /** Each parameter's raw value and its identifier fields, in the version's order. */
  parameters: { name: string; value: unknown; fields: FieldRules }[];
  messages: readonly PromptMessage[];
  variables: readonly PromptVariable[];
  values: Record<string, unknown>;
  model: string;
};

export type OutboundResult =
  | { ok: true; messages: ModelMessage[]; receipt: RedactionReceipt; pseudonyms: PseudonymMap; inputTokens: number }
  | { ok: false; issues: PromptIssue[] };

export function composeOutbound(input: OutboundInput): OutboundResult {
  const d = createDeidentifier(input.context);
  const parameters: Record<string, JsonValue> = {};
  for (const p of input.parameters) parameters[p.name] = d.value(p.value, p.fields);
  const rendered = renderMessages(input.messages, { variables: input.variables, values: input.values, parameters });
  if (!rendered.ok) return { ok: false, issues: rendered.issues };
  const messages: ModelMessage[] = rendered.messages.map((m) => ({ role: m.role, content: d.text(m.content) }));
  const { receipt, pseudonyms } = d.result();
  return { ok: true, messages, receipt, pseudonyms, inputTokens: countChatInputTokens(messages, input.model) };
}
