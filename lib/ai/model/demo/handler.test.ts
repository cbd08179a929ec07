import { describe, expect, it } from "vitest";
import { formatParameterBlock } from "@/lib/ai/prompts/context-block";
import { countChatInputTokens, countTextTokens } from "@/lib/ai/tokens/count-tokens";
import { callModel } from "../call-model";
import { createModelClient } from "../model-client";
import { DEMO_NOTICE } from "./compose";
import { handleDemoChatCompletion } from "./handler";
import { DEMO_MODEL } from "./demo-model";

const MESSAGES = [
  { role: "system" as const, content: "You write SBAR handovers for the next nurse." },
  {
    role: "user" as const,
    content: `Vitals:\n${formatParameterBlock("patient.vitals_window", [
      { at: "-2 h", heart_rate: 96, spo2: 95, resp_rate: 19 },
      { at: "-10 min", heart_rate: 112, spo2: 92, resp_rate: 23 },
    ])}`,
  },
];

function post(body: unknown, path = "/v1/chat/completions"): Request {
  return new Request(`http://demo.local${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

type Completion = {
  model: string;
  choices: { message: { content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; prompt_tokens_details: { cached_tokens: number } };
};

describe("handleDemoChatCompletion", () => {
  it("answers a Chat Completions request with a template answer and usage counted from the text", async () => {
    const res = await handleDemoChatCompletion(post({ model: "gpt-4.1-mini", messages: MESSAGES, max_tokens: 800 }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Completion;
    const text = body.choices[0]?.message.content ?? "";
    expect(body.model).toBe(DEMO_MODEL);
    expect(text).toContain(DEMO_NOTICE);
    expect(text).toContain("Handover summary (SBAR)");
    expect(body.choices[0]?.finish_reason).toBe("stop");
    expect(body.usage).toMatchObject({
      prompt_tokens: countChatInputTokens(MESSAGES, DEMO_MODEL),
      completion_tokens: countTextTokens(text, DEMO_MODEL),
      prompt_tokens_details: { cached_tokens: 0 },
    });
  });

  it("is deterministic for the same request", async () => {
    const a = (await (await handleDemoChatCompletion(post({ model: "x", messages: MESSAGES }))).json()) as Completion & { id: string };
    const b = (await (await handleDemoChatCompletion(post({ model: "x", messages: MESSAGES }))).json()) as Completion & { id: string };
    expect(b.choices[0]?.message.content).toBe(a.choices[0]?.message.content);
    expect(b.id).toBe(a.id);
  });

  it("cuts the answer at max_tokens and says so", async () => {
    const body = (await (
      await handleDemoChatCompletion(post({ model: "x", messages: MESSAGES, max_completion_tokens: 12 }))
    ).json()) as Completion;
    expect(body.usage.completion_tokens).toBe(12);
    expect(body.choices[0]?.finish_reason).toBe("length");
  });

  it("returns a JSON object when asked for json_object", async () => {
    const body = (await (
      await handleDemoChatCompletion(post({ model: "x", messages: MESSAGES, response_format: { type: "json_object" } }))
    ).json()) as Completion;
    expect(JSON.parse(body.choices[0]?.message.content ?? "")).toMatchObject({ template: true, notice: DEMO_NOTICE });
  });

  it("streams Server-Sent Events with usage in a last chunk only when asked", async () => {
    const res = await handleDemoChatCompletion(
      post({ model: "x", messages: MESSAGES, stream: true, stream_options: { include_usage: true } }),
    );
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const events = (await res.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events
      .slice(0, -1)
      .map(
        (e) =>
          JSON.parse(e.replace(/^data: /, "")) as { choices: { delta: { content?: string } }[]; usage?: { completion_tokens: number } },
      );
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toContain("Handover summary (SBAR)");
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(countTextTokens(text, DEMO_MODEL));
    const plain = await (await handleDemoChatCompletion(post({ model: "x", messages: MESSAGES, stream: true }))).text();
    expect(plain).not.toContain('"usage"');
  });

  it("refuses what it does not serve with OpenAI-shaped errors", async () => {
    expect((await handleDemoChatCompletion(new Request("http://demo.local/v1/models"))).status).toBe(404);
    const bad = await handleDemoChatCompletion(new Request("http://demo.local/v1/chat/completions", { method: "POST", body: "{nope" }));
    expect(bad.status).toBe(400);
    const invalid = await handleDemoChatCompletion(post({ model: "x", messages: [] }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/^Invalid request: messages/);
  });
});

describe("the SDK talking to the demo model in-process", () => {
  const demo = createModelClient({ timeoutMs: 5000, maxRetries: 0 });

  it("runs the whole protocol path with no network, JSON and streamed alike", async () => {
    expect(demo.demo).toBe(true);
    const json = await callModel(demo, { model: DEMO_MODEL, messages: MESSAGES, maxTokens: 600 });
    const streamed = await callModel(demo, { model: DEMO_MODEL, messages: MESSAGES, maxTokens: 600, stream: true });
    expect(json.model).toBe(DEMO_MODEL);
    expect(json.text).toContain("NEWS2");
    expect(streamed.text).toBe(json.text);
    expect(json.usage).toEqual({
      promptTokens: countChatInputTokens(MESSAGES, DEMO_MODEL),
      cachedTokens: 0,
      completionTokens: countTextTokens(json.text, DEMO_MODEL),
    });
    expect(streamed.usage).toEqual(json.usage);
    expect(json.usageReported).toBe(true);
  });

  it("reports the model as demo-template whatever was asked for", async () => {
    const r = await callModel(demo, { model: "gpt-4.1-mini", messages: MESSAGES, maxTokens: 50 });
    expect(r.model).toBe(DEMO_MODEL);
    expect(r.usage.completionTokens).toBeLessThanOrEqual(50);
  });

  it("refuses impossible client settings", () => {
    expect(() => createModelClient({ timeoutMs: 0, maxRetries: 0 })).toThrow(/timeoutMs/);
    expect(() => createModelClient({ timeoutMs: 10, maxRetries: -1 })).toThrow(/maxRetries/);
  });
});
