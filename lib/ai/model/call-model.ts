// One model call through the SDK: Chat Completions, JSON or streamed. The whole call, retries included,
// is bounded by the client's timeout (a call never hangs a request). Usage comes from the response
// (`prompt_tokens_details.cached_tokens` too; a stream asks for it with `stream_options.include_usage`
// and finds it in the last chunk). A server that reports no usage gets it counted from the text as an
// upper bound, flagged `usageReported: false`.
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import type { TokenUsage } from "@/lib/ai/costs/cost";
import { ModelCallError, toModelCallError } from "./errors";
import type { ModelClient } from "./model-client";

export type ModelMessage = { role: "system" | "user" | "assistant"; content: string };

export type ModelCallRequest = {
  model: string;
  messages: readonly ModelMessage[];
  temperature?: number;
  maxTokens: number;
  responseFormat?: "text" | "json_object";
  stream?: boolean;
};

export type ModelCallResult = {
  text: string;
  usage: TokenUsage;
  usageReported: boolean;
  latencyMs: number;
  /** The model that answered, as the server names it (e.g. a dated snapshot). */
  model: string;
  finishReason: string | null;
};

type RawUsage =
  { prompt_tokens?: unknown; completion_tokens?: unknown; prompt_tokens_details?: { cached_tokens?: unknown } | null } | null | undefined;
type Answer = { text: string; usage: RawUsage; model: string | undefined; finishReason: string | null };

/** o-series and gpt-5 take max_completion_tokens; other servers know max_tokens. */
function usesMaxCompletionTokens(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model);
}

function body(req: ModelCallRequest): ChatCompletionCreateParamsBase {
  return {
    model: req.model,
    messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
    ...(usesMaxCompletionTokens(req.model) ? { max_completion_tokens: req.maxTokens } : { max_tokens: req.maxTokens }),
    ...(req.responseFormat === "json_object" ? { response_format: { type: "json_object" as const } } : {}),
  };
}

function count(v: unknown): number | null {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : null;
}

async function readUsage(raw: RawUsage, req: ModelCallRequest, text: string): Promise<{ usage: TokenUsage; reported: boolean }> {
  const prompt = count(raw?.prompt_tokens);
  const completion = count(raw?.completion_tokens);
  if (prompt === null || completion === null) {
    // Loaded only here: servers that report usage (nearly all) never need the tokenizer on this thread.
    const { countChatInputTokens, countTextTokens } = await import("@/lib/ai/tokens/count-tokens");
    return {
      usage: {
        promptTokens: countChatInputTokens(req.messages, req.model),
        cachedTokens: 0,
        completionTokens: countTextTokens(text, req.model),
      },
      reported: false,
    };
  }
  const cached = count(raw?.prompt_tokens_details?.cached_tokens) ?? 0;
  return { usage: { promptTokens: prompt, cachedTokens: Math.min(cached, prompt), completionTokens: completion }, reported: true };
}

async function single(client: ModelClient, req: ModelCallRequest, signal: AbortSignal): Promise<Answer> {
  const completion: ChatCompletion = await client.sdk.chat.completions.create({ ...body(req), stream: false }, { signal });
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  const text = choice?.message?.content;
  if (typeof text !== "string") throw new ModelCallError("bad_response", "The AI model service answered without any text");
  return { text, usage: completion.usage, model: completion.model, finishReason: choice?.finish_reason ?? null };
}

async function streamed(client: ModelClient, req: ModelCallRequest, signal: AbortSignal): Promise<Answer> {
  const stream = await client.sdk.chat.completions.create(
    { ...body(req), stream: true, stream_options: { include_usage: true } },
    { signal },
  );
  let text = "";
  let usage: RawUsage;
  let model: string | undefined;
  let finishReason: string | null = null;
  let chunks = 0;
  for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
    chunks += 1;
    const choice = chunk.choices?.[0];
    if (typeof choice?.delta?.content === "string") text += choice.delta.content;
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
    model = chunk.model || model;
  }
  if (chunks === 0) throw new ModelCallError("bad_response", "The AI model service closed the stream without an answer");
  return { text, usage, model, finishReason };
}

export async function callModel(client: ModelClient, req: ModelCallRequest): Promise<ModelCallResult> {
  const controller = new AbortController();
  let timedOut = false;
  let onTimeout: () => void = () => undefined;
  const deadline = new Promise<never>((_, reject) => {
    onTimeout = () => reject(new ModelCallError("timeout", "deadline"));
  });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    onTimeout();
  }, client.timeoutMs);
  const started = performance.now();
  const work = req.stream ? streamed(client, req, controller.signal) : single(client, req, controller.signal);
  work.catch(() => undefined); // a call abandoned at the deadline must not surface as an unhandled rejection
  deadline.catch(() => undefined);
  try {
    const answer = await Promise.race([work, deadline]);
    const { usage, reported } = await readUsage(answer.usage, req, answer.text);
    return {
      text: answer.text,
      usage,
      usageReported: reported,
      latencyMs: Math.round(performance.now() - started),
      model: answer.model || req.model,
      finishReason: answer.finishReason,
    };
  } catch (err) {
    throw toModelCallError(err, { timedOut, timeoutMs: client.timeoutMs });
  } finally {
    clearTimeout(timer);
  }
}
