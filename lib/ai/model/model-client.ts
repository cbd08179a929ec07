// lib/ai/model owns the connection to a language model: an OpenAI SDK client (Chat Completions) for any
// OpenAI-compatible server (OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM, llama.cpp), one call
// function returning text, usage (cached tokens too) and latency with typed errors, and the built-in demo
// model. With no base URL the SDK is given a fetch that hands requests to the demo handler in-process,
// so the whole SDK protocol path (JSON request, JSON or SSE response, usage) runs without a network.
import OpenAI from "openai";

export type ModelClientOptions = {
  /** e.g. "https://api.openai.com/v1", "http://localhost:11434/v1"; absent: the built-in demo model. */
  baseURL?: string;
  /** Absent for servers that need none (Ollama, vLLM); never read from the environment here. */
  apiKey?: string;
  /** The most one call may take, retries included. */
  timeoutMs: number;
  /** The SDK's own retries on connection errors, 408, 409, 429 and 5xx. */
  maxRetries: number;
};

export type ModelClient = {
  sdk: OpenAI;
  timeoutMs: number;
  /** True when calls go to the built-in demo model; its model name is always `demo-template`. */
  demo: boolean;
  baseURL: string;
};

export const DEMO_BASE_URL = "http://demo-model.invalid/v1";

/**
 * The demo handler is loaded with its first request: it brings the o200k tokenizer (20 MB of heap) that a
 * process calling a real model never needs on this thread (the outbound worker counts tokens).
 */
async function demoFetchOnFirstUse(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const { demoFetch } = await import("./demo/handler");
  return demoFetch(input, init);
}

export function createModelClient(options: ModelClientOptions): ModelClient {
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) throw new RangeError("timeoutMs must be a positive integer");
  if (!Number.isInteger(options.maxRetries) || options.maxRetries < 0) throw new RangeError("maxRetries must be a non-negative integer");
  const baseURL = options.baseURL?.trim();
  const demo = !baseURL;
  const sdk = new OpenAI({
    baseURL: demo ? DEMO_BASE_URL : baseURL,
    apiKey: demo ? "demo" : options.apiKey?.trim() || "not-needed",
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    ...(demo ? { fetch: demoFetchOnFirstUse } : {}),
  });
  return { sdk, timeoutMs: options.timeoutMs, demo, baseURL: demo ? DEMO_BASE_URL : (baseURL ?? "") };
}
