import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/support/fake-openai-server";
import { countChatInputTokens, countTextTokens } from "@/lib/ai/tokens/count-tokens";
import { callModel, type ModelCallRequest } from "./call-model";
import { ModelCallError } from "./errors";
import { createModelClient } from "./model-client";

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
});

const REQUEST: ModelCallRequest = {
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: "You write SBAR handovers." },
    { role: "user", content: "NEWS2 7, SpO2 91 %." },
  ],
  temperature: 0.2,
  maxTokens: 300,
};

function client(opts: { timeoutMs?: number; maxRetries?: number } = {}) {
  return createModelClient({
    baseURL: fake.baseURL,
    apiKey: "sk-test",
    timeoutMs: opts.timeoutMs ?? 5000,
    maxRetries: opts.maxRetries ?? 2,
  });
}

async function failure(p: Promise<unknown>): Promise<ModelCallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ModelCallError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

describe("callModel against an OpenAI-compatible server", () => {
  it("sends a Chat Completions request and reads text, usage with cached tokens, model and latency", async () => {
    fake.enqueue({
      kind: "ok",
      text: "S: stable.",
      usage: { prompt: 1200, completion: 80, cached: 1024 },
      model: "gpt-4o-mini-2024-07-18",
    });
    const r = await callModel(client(), { ...REQUEST, responseFormat: "json_object" });
    expect(r).toMatchObject({
      text: "S: stable.",
      usage: { promptTokens: 1200, cachedTokens: 1024, completionTokens: 80 },
      usageReported: true,
      model: "gpt-4o-mini-2024-07-18",
      finishReason: "stop",
    });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0];
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(sent?.body).toEqual({
      model: "gpt-4o-mini",
      messages: REQUEST.messages,
      temperature: 0.2,
      max_tokens: 300,
      response_format: { type: "json_object" },
      stream: false,
    });
  });

  it("asks reasoning models for max_completion_tokens", async () => {
    await callModel(client(), { ...REQUEST, model: "o4-mini", temperature: undefined });
    expect(fake.requests[0]?.body).toMatchObject({ model: "o4-mini", max_completion_tokens: 300 });
    expect(fake.requests[0]?.body).not.toHaveProperty("max_tokens");
    expect(fake.requests[0]?.body).not.toHaveProperty("temperature");
  });

  it("streams with include_usage and reads usage (cached too) from the last chunk", async () => {
    fake.enqueue({
      kind: "ok",
      text: "Situation: NEWS2 7, high. Background: two days on the ward.",
      usage: { prompt: 2048, completion: 17, cached: 1920 },
    });
    const r = await callModel(client(), { ...REQUEST, stream: true });
    expect(r).toMatchObject({
      text: "Situation: NEWS2 7, high. Background: two days on the ward.",
      usage: { promptTokens: 2048, cachedTokens: 1920, completionTokens: 17 },
      usageReported: true,
    });
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("counts usage as an upper bound when the server reports none", async () => {
    fake.enqueue({ kind: "ok", text: "No usage here.", usage: null });
    const r = await callModel(client(), REQUEST);
    expect(r.usageReported).toBe(false);
    expect(r.usage).toEqual({
      promptTokens: countChatInputTokens(REQUEST.messages, "gpt-4o-mini"),
      cachedTokens: 0,
      completionTokens: countTextTokens("No usage here.", "gpt-4o-mini"),
    });
  });

  it("lets the SDK retry a 429, honouring retry-after, then succeeds", async () => {
    fake.enqueue({ kind: "error", status: 429, retryAfter: "1" }, { kind: "ok", text: "after retry", usage: { prompt: 5, completion: 2 } });
    const started = performance.now();
    const r = await callModel(client({ maxRetries: 2 }), REQUEST);
    expect(r.text).toBe("after retry");
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]?.headers["x-stainless-retry-count"]).toBe("1");
  });

  it("gives rate_limited when 429s outlast the retries", async () => {
    fake.enqueue({ kind: "error", status: 429, retryAfter: "0" }, { kind: "error", status: 429, retryAfter: "0" });
    const err = await failure(callModel(client({ maxRetries: 1 }), REQUEST));
    expect(err).toMatchObject({ kind: "rate_limited", status: 429 });
    expect(err.message).toBe("The AI model service is rate-limiting requests (HTTP 429); try again shortly");
    expect(fake.requests).toHaveLength(2);
  });

  it("gives a typed timeout within the configured time, retries included", async () => {
    fake.setDefault({ kind: "ok", text: "too late", delayMs: 5000 });
    try {
      const started = performance.now();
      const err = await failure(callModel(client({ timeoutMs: 400, maxRetries: 2 }), REQUEST));
      const elapsed = performance.now() - started;
      expect(err.kind).toBe("timeout");
      expect(err.message).toBe("The AI model did not answer within 0.4 s");
      expect(elapsed).toBeGreaterThanOrEqual(390);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      fake.setDefault({ kind: "ok", text: "Fake answer.", usage: { prompt: 10, completion: 3 } });
    }
  });

  it("times out a stream that stalls after it started", async () => {
    fake.enqueue({ kind: "ok", text: "slow stream of words", chunkDelayMs: 2000 });
    const started = performance.now();
    const err = await failure(callModel(client({ timeoutMs: 400 }), { ...REQUEST, stream: true }));
    expect(err.kind).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("gives upstream for a 500 after the SDK's retries, and for refused credentials", async () => {
    fake.enqueue({ kind: "error", status: 500 }, { kind: "error", status: 500 });
    const err = await failure(callModel(client({ maxRetries: 1 }), REQUEST));
    expect(err).toMatchObject({ kind: "upstream", status: 500, message: "The AI model service failed (HTTP 500)" });
    expect(fake.requests).toHaveLength(2);

    fake.enqueue({ kind: "error", status: 401, message: "Incorrect API key provided: sk-test" });
    const denied = await failure(callModel(client(), REQUEST));
    expect(denied).toMatchObject({ kind: "upstream", status: 401, message: "The AI model service refused the credentials (HTTP 401)" });
    expect(denied.message).not.toContain("sk-test");
  });

  it("gives bad_response for malformed JSON, a malformed stream and an answer without text", async () => {
    fake.enqueue({ kind: "malformed" });
    expect(await failure(callModel(client(), REQUEST))).toMatchObject({
      kind: "bad_response",
      message: "The AI model service sent a response that could not be read",
    });
    fake.enqueue({ kind: "malformed" });
    expect((await failure(callModel(client(), { ...REQUEST, stream: true }))).kind).toBe("bad_response");
    fake.enqueue({ kind: "json", body: { id: "x", object: "chat.completion", choices: [] } });
    expect(await failure(callModel(client(), REQUEST))).toMatchObject({
      kind: "bad_response",
      message: "The AI model service answered without any text",
    });
  });

  it("gives upstream when the server cannot be reached", async () => {
    const gone = await startFakeOpenAiServer();
    const url = gone.baseURL;
    await gone.close();
    const err = await failure(callModel(createModelClient({ baseURL: url, timeoutMs: 2000, maxRetries: 0 }), REQUEST));
    expect(err).toMatchObject({ kind: "upstream", message: "The AI model service could not be reached" });
  });
});
