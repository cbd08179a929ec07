// The built-in demo model: an OpenAI-compatible Chat Completions endpoint as a plain
// `(req: Request) => Promise<Response>` handler, in-process. It answers POST …/chat/completions with a
// JSON completion or, with `stream: true`, Server-Sent Events (usage in a last chunk when
// `stream_options.include_usage`), like the real API. The answer is composed from the de-identified
// context (compose.ts); usage is counted from the text with the same o200k counter the budget
// reservation uses, and the completion is cut at max_tokens. The model is always `demo-template`.
import { z } from "zod";
import { countChatInputTokens, truncateToTokens } from "@/lib/ai/tokens/count-tokens";
import { composeDemoAnswer, DEMO_NOTICE } from "./compose";
import { DEMO_MODEL } from "./demo-model";

const DEFAULT_MAX_TOKENS = 1024;

const contentSchema = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })).transform((parts) => parts.map((p) => p.text ?? "").join("")),
]);

const requestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(z.object({ role: z.string(), content: contentSchema.nullable().transform((c) => c ?? ""), name: z.string().optional() }))
    .min(1),
  max_tokens: z.number().int().positive().optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  response_format: z.object({ type: z.string() }).optional(),
});

function errorResponse(status: number, message: string, type = "invalid_request_error"): Response {
  return Response.json({ error: { message, type, param: null, code: null } }, { status });
}

function completionId(body: string): string {
  let h = 2166136261;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 16777619);
  return `chatcmpl-demo-${(h >>> 0).toString(16).padStart(8, "0")}`;
}

type Usage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
};

function usageOf(prompt: number, completion: number): Usage {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/** Splits the answer into stream deltas of a few words each (deterministic). */
function deltas(text: string): string[] {
  return text.match(/(?:\S+\s*){1,6}|\s+/g) ?? [];
}

function sse(id: string, created: number, text: string, finish: string, usage: Usage | null): Response {
  const encoder = new TextEncoder();
  const base = { id, object: "chat.completion.chunk", created, model: DEMO_MODEL, system_fingerprint: DEMO_MODEL };
  const events: unknown[] = [{ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }];
  for (const d of deltas(text)) events.push({ ...base, choices: [{ index: 0, delta: { content: d }, finish_reason: null }] });
  events.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
  if (usage) events.push({ ...base, choices: [], usage });
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const e of events) controller.enqueue(encoder.encode(`data: ${JSON.stringify(e)}\n\n`));
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream", "cache-control": "no-cache" } });
}

export async function handleDemoChatCompletion(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  if (req.method !== "POST" || !path.endsWith("/chat/completions"))
    return errorResponse(404, `The demo model serves only POST /chat/completions, not ${req.method} ${path}`);
  const raw = await req.text();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return errorResponse(400, "The request body is not JSON");
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorResponse(400, `Invalid request: ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unreadable"}`);
  }
  const request = parsed.data;
  const messages = request.messages.map((m) => ({ role: m.role, content: m.content, ...(m.name ? { name: m.name } : {}) }));
  const answer = composeDemoAnswer(messages);
  const text =
    request.response_format?.type === "json_object" ? JSON.stringify({ template: true, notice: DEMO_NOTICE, text: answer }) : answer;
  const cut = truncateToTokens(text, request.max_completion_tokens ?? request.max_tokens ?? DEFAULT_MAX_TOKENS);
  const finish = cut.truncated ? "length" : "stop";
  const usage = usageOf(countChatInputTokens(messages, DEMO_MODEL), cut.tokens);
  const id = completionId(raw);
  const created = Math.floor(Date.now() / 1000);
  if (request.stream) return sse(id, created, cut.text, finish, request.stream_options?.include_usage ? usage : null);
  return Response.json({
    id,
    object: "chat.completion",
    created,
    model: DEMO_MODEL,
    system_fingerprint: DEMO_MODEL,
    choices: [{ index: 0, message: { role: "assistant", content: cut.text, refusal: null }, logprobs: null, finish_reason: finish }],
    usage,
  });
}

/** A `fetch` that hands every request to the demo handler in-process (no network), for the SDK. */
export async function demoFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const req = input instanceof Request ? input : new Request(input, init);
  if (req.signal.aborted) throw new DOMException("The operation was aborted.", "AbortError");
  return handleDemoChatCompletion(req);
}
