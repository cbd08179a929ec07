// The built-in demo model behind a local HTTP port (OpenAI Chat Completions protocol), in its OWN process,
// as a real model endpoint is: the governed calls and the bare SDK calls of bench:ai go to the same server
// over the loopback, and the model's work (composing, counting, JSON) does not run on the app's event loop.
// A request to /slow/v1/... answers after a model's generation time, drawn evenly between 0.5 and 1.5 ×
// `replyMs` (a real model's time varies with what it writes; a fixed time would keep 20 callers in lockstep,
// all arriving in the same millisecond, which no ward does); /v1/... answers at once. The draw is seeded,
// so every run sees the same sequence.
import { fork } from "node:child_process";
import os from "node:os";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "@/lib/simulator/vital-model";

async function toRequest(req: IncomingMessage, base: string, path: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new Request(new URL(path, base), {
    method: req.method,
    body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
  });
}

const SLOW = "/slow";

async function serve(replyMs: number): Promise<number> {
  // Loaded here, in the model's process only: the handler brings the tokenizer, which the app's process
  // (that imports this file to fork it) would otherwise hold on its heap for nothing.
  const { handleDemoChatCompletion } = await import("@/lib/ai/model/demo/handler");
  let base = "http://127.0.0.1";
  const random = mulberry32(20261203);
  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? "/";
      const slow = url.startsWith(`${SLOW}/`);
      const started = performance.now();
      const answer = await handleDemoChatCompletion(await toRequest(req, base, slow ? url.slice(SLOW.length) : url));
      const body = Buffer.from(await answer.arrayBuffer());
      const wait = slow ? replyMs * (0.5 + random()) - (performance.now() - started) : 0;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      res.end(body);
    })().catch(() => res.destroy());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return port;
}

export type DemoModelServer = {
  fastURL: string;
  slowURL: string;
  pid: number;
  /** Sets the model process's scheduling niceness (0: as the app; 10: it yields the cores to the app). */
  setNice(nice: number): void;
  close(): Promise<void>;
};

/** Forks this file as the model process; `replyMs` is how long a /slow request takes on average. */
export async function startDemoModelServer(replyMs: number): Promise<DemoModelServer> {
  const child = fork(fileURLToPath(import.meta.url), [String(replyMs)], {
    execArgv: ["--import", "tsx", "--import", "./lib/runtime/server-only-hook.mjs"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pid = child.pid ?? 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve(Number(m)));
    child.once("exit", (code) => reject(new Error(`the demo model process exited (${code}) before listening`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    fastURL: `${base}/v1`,
    slowURL: `${base}${SLOW}/v1`,
    pid,
    setNice: (nice) => os.setPriority(pid, nice),
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const replyMs = Number(process.argv[2] ?? 0);
  void serve(replyMs).then((port) => process.send?.(port));
}
