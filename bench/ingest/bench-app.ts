// The app side of the ingest benchmark, in-process and without Next: the embedded MQTT broker (twice:
// on its worker thread and inline, MQTT_TRANSPORT choosing the one the usual scenarios use, as the server
// would for that database), the server's direct telemetry path (lib/http/telemetry-fast-path) behind a
// minimal Node HTTP server, the route's Next handler beside it as a baseline (route-handler-adapter),
// Socket.IO attached to that server and the connectivity monitor, all on loopback, sharing the process's
// bus and group-commit writer as in the app.
import "server-only";
import http from "node:http";
import { env } from "@/lib/env";
import { chooseTransport, startEmbeddedBroker, type MqttTransport } from "@/lib/ingest/embedded-broker";
import { attachSocketServer } from "@/lib/socket/socket-server";
import { startConnectivityMonitor } from "@/lib/devices/connectivity-monitor";
import { serveTelemetryDirect } from "@/lib/http/telemetry-fast-path";
import { ROUTE_HANDLER_PREFIX, serveThroughRouteHandler } from "./route-handler-adapter";

export type BenchApp = {
  /** The broker of MQTT_TRANSPORT (auto: the worker on PostgreSQL, inline on PGlite, as the server picks). */
  brokerUrl: string;
  /** Both brokers, for the scenario comparing them in the same run. */
  brokerUrls: Record<MqttTransport, string>;
  httpUrl: string;
  /** The same telemetry through the route's Next handler (the HTTP scenario's baseline). */
  routeHandlerUrl: string;
  logs: string[];
  recoveryBufferPackets(): number;
  close(): Promise<void>;
};

export async function startBenchApp(kind: "postgres" | "pglite"): Promise<BenchApp> {
  const logs: string[] = [];
  const stopMonitor = await startConnectivityMonitor({ log: (m) => void (logs.length < 1000 && logs.push(m)) });
  const startBroker = (transport: MqttTransport) =>
    startEmbeddedBroker({ port: 0, host: "127.0.0.1", transport, log: (_level, msg) => void (logs.length < 1000 && logs.push(msg)) });
  const brokers = { worker: await startBroker("worker"), inline: await startBroker("inline") };
  // Telemetry as server.ts answers it (before Next); anything else is not served here.
  let base = "";
  const server = http.createServer(
    (req, res) => void (serveTelemetryDirect(req, res) || serveThroughRouteHandler(req, res, base) || res.writeHead(404).end()),
  );
  server.keepAliveTimeout = 60_000;
  const sockets = attachSocketServer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    brokerUrl: brokers[chooseTransport(env().MQTT_TRANSPORT, kind === "postgres")].url,
    brokerUrls: { worker: brokers.worker.url, inline: brokers.inline.url },
    httpUrl: base,
    routeHandlerUrl: `${base}${ROUTE_HANDLER_PREFIX}`,
    logs,
    /** Packets Socket.IO keeps for connection-state recovery (every emit, for maxDisconnectionDuration). */
    recoveryBufferPackets: () => (sockets.io.of("/").adapter as unknown as { packets?: unknown[] }).packets?.length ?? 0,
    async close() {
      await brokers.worker.close();
      await brokers.inline.close();
      await stopMonitor();
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
