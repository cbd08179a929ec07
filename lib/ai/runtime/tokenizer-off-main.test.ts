// The o200k tokenizer is 20 MB of heap. The worker thread counts tokens for real calls, so importing the AI
// call path (service, feature runner, model client, call function, the worker's front) must not load it
// on the main thread; it comes only when something there counts (the demo model, an inline composition,
// a server that reports no usage). A child process with module hooks names every gpt-tokenizer module
// it loads; the child then imports the counter itself, which proves the hooks see the tokenizer.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("the tokenizer stays off the main thread", () => {
  it("is not loaded by importing the AI call path, and is loaded once the counter is", async () => {
    const { stderr } = await run(
      process.execPath,
      [
        "--import",
        "./test/support/register-tokenizer-probe.mjs",
        "--import",
        "tsx",
        "--import",
        "./lib/runtime/server-only-hook.mjs",
        path.join("test", "support", "load-ai-call-path.ts"),
      ],
      { cwd: process.cwd(), timeout: 90_000, env: { ...process.env, NODE_ENV: "test" } },
    );
    const lines = stderr.split("\n");
    const imported = lines.indexOf("AI call path imported");
    expect(imported).toBeGreaterThanOrEqual(0);
    expect(lines.slice(0, imported).filter((l) => l.startsWith("tokenizer module loaded"))).toEqual([]);
    expect(lines.slice(imported).some((l) => l.startsWith("tokenizer module loaded"))).toBe(true);
    expect(lines).toContain("counted 4 tokens"); // "handover at seven" in o200k_base
  }, 120_000);
});
