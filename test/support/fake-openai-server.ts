// A local HTTP server speaking OpenAI Chat Completions (JSON and SSE), for tests of the model client.
// Scriptable per test: queue replies (answer text, chosen usage figures including cached tokens, a delay
// before answering or between stream chunks, an HTTP error status with retry-after, a malformed body,
// any raw JSON); every request is recorded with its parsed body, so a test can read what left.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeUsage = { prompt: number; completion: number; cached?: number };

export type FakeReply =
  | { kind: "ok"; text?: string; usage?: FakeUsage | null; model?: string; delayMs?: number; chunkDelayMs?: number; finishReason?: string }
  | { kind: "error"; status: number; retryAfter?: string; message?: string; delayMs?: number }
  | { kind: "malformed"; delayMs?: number }
  | { kind: "json"; body: unknown; status?: number; delayMs?: number };

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; rawBody: string; body: unknown };

export type FakeOpenAiServer = {
  /** Base URL for the SDK, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; when none is queued the default reply is used. */
  enqueue(...replies: FakeReply[]): void;
  setDefault(reply: FakeReply): void;
  close(): Promise<void>;
};

export const DEFAULT_FAKE_REPLY: FakeReply = { kind: "ok", text: "Fake answer.", usage: { prompt: 10, completion: 3, cached: 0 } };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function usageJson(u: FakeUsage) {
  return {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: u.prompt + u.completion,
    prompt_tokens_details: { cached_tokens: u.cached ?? 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

function wait(ms: number | undefined, res: ServerResponse): Promise<boolean> {
  if (!ms) return Promise.resolve(!res.destroyed);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(!res.destroyed), ms);
    res.on("close", () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function isStreaming(body: unknown): { stream: boolean; includeUsage: boolean } {
  if (typeof body !== "object" || body === null) return { stream: false, includeUsage: false };
  const b = body as { stream?: unknown; stream_options?: { include_usage?: unknown } | null };
  return { stream: b.stream === true, includeUsage: b.stream_options?.include_usage === true };
}

async function answer(reply: FakeReply, body: unknown, res: ServerResponse): Promise<void> {
  if (!(await wait(reply.delayMs, res))) return;
  if (reply.kind === "error") {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (reply.retryAfter !== undefined) headers["retry-after"] = reply.retryAfter;
    res
      .writeHead(reply.status, headers)
      .end(
        JSON.stringify({ error: { message: reply.message ?? `fake error ${reply.status}`, type: "fake_error", code: null, param: null } }),
      );
    return;
  }
  const { stream, includeUsage } = isStreaming(body);
  if (reply.kind === "malformed") {
    if (stream) res.writeHead(200, { "content-type": "text/event-stream" }).end("data: {not json\n\n");
    else res.writeHead(200, { "content-type": "application/json" }).end("{not json");
    return;
  }
  if (reply.kind === "json") {
    res.writeHead(reply.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    return;
  }
  const model =
    reply.model ?? (typeof body === "object" && body !== null && "model" in body ? String((body as { model: unknown }).model) : "fake");
  const text = reply.text ?? "Fake answer.";
  const usage = reply.usage === undefined ? { prompt: 10, completion: 3 } : reply.usage;
  const base = { id: "chatcmpl-fake", created: 1_800_000_000, model };
  const finish = reply.finishReason ?? "stop";
  if (!stream) {
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        ...base,
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: finish }],
        ...(usage ? { usage: usageJson(usage) } : {}),
      }),
    );
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = (choices: unknown[], extra: object = {}) =>
    `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices, ...extra })}\n\n`;
  const pieces = text.match(/.{1,8}/gs) ?? [];
  res.write(chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]));
  for (const piece of pieces) {
    if (!(await wait(reply.chunkDelayMs, res))) return;
    res.write(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]));
  }
  res.write(chunk([{ index: 0, delta: {}, finish_reason: finish }]));
  if (includeUsage && usage) res.write(chunk([], { usage: usageJson(usage) }));
  res.end("data: [DONE]\n\n");
}

export async function startFakeOpenAiServer(defaultReply: FakeReply = DEFAULT_FAKE_REPLY): Promise<FakeOpenAiServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let fallback = defaultReply;
  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      let body: unknown = null;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = null;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers, rawBody, body });
      if (req.method !== "POST" || !(req.url ?? "").endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      await answer(queue.shift() ?? fallback, body, res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setDefault: (reply) => {
      fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
