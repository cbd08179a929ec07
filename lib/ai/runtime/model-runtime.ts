// The process's model client, configured from the environment (OPENAI_BASE_URL, OPENAI_API_KEY,
// AI_TIMEOUT_MS, AI_MAX_RETRIES, AI_MODEL): the built-in demo model when no base URL is set. Tests and
// the benchmark install their own client (a local protocol server) with setModelRuntime.
import "server-only";
import { env } from "@/lib/env";
import { createModelClient, type ModelClient } from "@/lib/ai/model/model-client";
import { DEMO_MODEL } from "@/lib/ai/model/demo/demo-model";
import { peekProcessSingleton, setProcessSingleton } from "@/lib/process-singleton";

export type ModelRuntime = { client: ModelClient; modelOverride: string | null };

const KEY = "aiModelRuntime";

export const HOW_TO_CONFIGURE =
  "Set OPENAI_BASE_URL (and OPENAI_API_KEY) to any OpenAI-compatible server (OpenAI, Azure OpenAI v1, Ollama, vLLM) and restart.";

export function modelRuntime(): ModelRuntime {
  const existing = peekProcessSingleton<ModelRuntime>(KEY);
  if (existing) return existing;
  const e = env();
  const client = createModelClient({
    baseURL: e.OPENAI_BASE_URL,
    apiKey: e.OPENAI_API_KEY,
    timeoutMs: e.AI_TIMEOUT_MS,
    maxRetries: e.AI_MAX_RETRIES,
  });
  const runtime = { client, modelOverride: e.AI_MODEL ?? null };
  setProcessSingleton(KEY, runtime);
  return runtime;
}

export function setModelRuntime(runtime: ModelRuntime): void {
  setProcessSingleton(KEY, runtime);
}

/** The model a version's call goes to: the demo model's name, the override, or the version's own. */
export function effectiveModel(runtime: ModelRuntime, versionModel: string): string {
  if (runtime.client.demo) return DEMO_MODEL;
  return runtime.modelOverride ?? versionModel;
}
