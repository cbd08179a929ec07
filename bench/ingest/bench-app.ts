// The app side of the ingest benchmark, in-process and without Next: the embedded MQTT broker, the
// telemetry route handler behind a minimal Node HTTP server, Socket.IO attached to that server and the
// connectivity monitor, all on loopback, sharing the process's bus and group-commit writer as in the app.
import "server-only";
import http from "node:http";
import { NextRequest } from "next/server";
import { startEmbeddedBroker } from "@/lib/ingest/embedded-broker";
import { attachSocketServer } from "@/lib/socket/socket-server";
import { startConnectivityMonitor } from "@/lib/devices/connectivity-monitor";
import { POST as postTelemetry } from "@/app/api/v1/devices/[deviceId]/telemetry/route";

export type BenchApp = { brokerUrl: string; httpUrl: string; logs: string[]; recoveryBufferPackets(): number; close(): Promise<void> };

const TELEMETRY_PATH = /^\/api\/v1\/devices\/([^/]+)\/telemetry$/;

async function handle(req: http.IncomingMessage, res: http.ServerResponse, base: string): Promise<void> {
  const m = TELEMETRY_PATH.exec(req.url ?? "");
  if (req.method !== "POST" || !m) {
    res.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const request = new NextRequest(`${base}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
  const response = await postTelemetry(request, { params: Promise.resolve({ deviceId: decodeURIComponent(m[1]!) }) });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
}

export async function startBenchApp(): Promise<BenchApp> {
  const logs: string[] = [];
  const stopMonitor = await startConnectivityMonitor({ log: (m) => void (logs.length < 1000 && logs.push(m)) });
  const broker = await startEmbeddedBroker({
    port: 0,
    host: "127.0.0.1",
    log: (_level, msg) => void (logs.length < 1000 && logs.push(msg)),
  });
  let base = "";
  const server = http.createServer((req, res) => {
    handle(req, res, base).catch((err: Error) => {
      logs.push(`[bench http] ${err.message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  const sockets = attachSocketServer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    brokerUrl: broker.url,
    httpUrl: base,
    logs,
    /** Packets Socket.IO keeps for connection-state recovery (every emit, for maxDisconnectionDuration). */
    recoveryBufferPackets: () => (sockets.io.of("/").adapter as unknown as { packets?: unknown[] }).packets?.length ?? 0,
    async close() {
      await broker.close();
      await stopMonitor();
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
