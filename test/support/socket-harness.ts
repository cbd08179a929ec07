// A real Socket.IO server (lib/socket/socket-server) on a loopback port, and typed clients that
// authenticate with an API token, for tests and benchmarks of live fan-out.
import http from "node:http";
import { io as connectClient, type Socket } from "socket.io-client";
import { attachSocketServer } from "@/lib/socket/socket-server";
import type { ClusterAdapter } from "@/lib/socket/cluster-adapter";
import type { AppServer } from "@/lib/socket/socket-types";
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from "@/lib/socket/events";

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export type SocketHarness = {
  url: string;
  io: AppServer;
  /** Connects (resolves on connect, rejects on a refused handshake); `setup` runs before connecting. */
  connect(token?: string, setup?: (c: TestClient) => void): Promise<TestClient>;
  subscribe(c: TestClient, kind: "ward" | "patient" | "equipment", id: string): Promise<SubscribeAck>;
  /** Disconnects every client, then closes the server. */
  close(): Promise<void>;
};

/** `adapter`: a cluster adapter, to run several "nodes" against one Redis. */
export async function startSocketHarness(opts: { adapter?: ClusterAdapter["adapter"] } = {}): Promise<SocketHarness> {
  const server = http.createServer();
  const sockets = attachSocketServer(server, opts);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const clients: TestClient[] = [];
  return {
    url,
    io: sockets.io,
    async connect(token, setup) {
      const c: TestClient = connectClient(url, { auth: token ? { token } : {}, transports: ["websocket"], reconnectionDelay: 50 });
      clients.push(c);
      setup?.(c);
      await new Promise<void>((resolve, reject) => {
        c.once("connect", () => resolve());
        c.once("connect_error", reject);
      });
      return c;
    },
    subscribe: (c, kind, id) => new Promise<SubscribeAck>((resolve) => c.emit(`${kind}:subscribe`, id, resolve)),
    async close() {
      for (const c of clients) c.disconnect();
      await sockets.close();
    },
  };
}
