// The built-in demo model behind a local HTTP port (OpenAI Chat Completions protocol), so the governed
// calls and the bare SDK calls of bench:ai go to the same real server over the loopback.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { handleDemoChatCompletion } from "@/lib/ai/model/demo/handler";

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new Request(new URL(req.url ?? "/", base), {
    method: req.method,
    body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
  });
}

export async function startDemoModelServer(): Promise<{ baseURL: string; close(): Promise<void> }> {
  let base = "http://127.0.0.1";
  const server = createServer((req, res) => {
    void (async () => {
      const answer = await handleDemoChatCompletion(await toRequest(req, base));
      res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      res.end(Buffer.from(await answer.arrayBuffer()));
    })().catch(() => res.destroy());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseURL: `${base}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
