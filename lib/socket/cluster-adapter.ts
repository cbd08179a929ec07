// Several app nodes: Socket.IO's Redis Streams adapter, so a broadcast on one node (vitals, NEWS2, an
// alert) reaches the clients of every node, cross-node acknowledgements work (alert delivery receipts),
// and connection-state recovery sessions live in Redis. Without REDIS_URL the default in-memory adapter
// serves a single node. The Redis client and the adapter are loaded only then: the single-node server does not
// carry their code (about 500 modules of the Redis client; bench:memory).
import "server-only";
import type { createAdapter } from "@socket.io/redis-streams-adapter";

export type ClusterAdapter = { adapter: ReturnType<typeof createAdapter>; close(): Promise<void> };

/** `streamName`: the Redis stream the nodes share (default "iomt:socket.io"; tests use their own). */
export async function connectClusterAdapter(
  url: string,
  log: (msg: string) => void,
  opts: { streamName?: string } = {},
): Promise<ClusterAdapter> {
  const [{ createClient }, adapters] = await Promise.all([import("redis"), import("@socket.io/redis-streams-adapter")]);
  const client = createClient({ url });
  let lastError = "";
  client.on("error", (err: Error) => {
    if (err.message === lastError) return; // the client retries by itself; say so once per cause
    lastError = err.message;
    log(`[socket] Redis: ${err.message}`);
  });
  client.on("ready", () => (lastError = ""));
  await client.connect();
  return {
    adapter: adapters.createAdapter(client, {
      streamName: opts.streamName ?? "iomt:socket.io",
      sessionKeyPrefix: `${opts.streamName ?? "iomt"}:sio:session:`,
    }),
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}
