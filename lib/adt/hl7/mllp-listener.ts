// The MLLP listener a PAS connects to: a TCP server (node:net) that unframes HL7 v2 messages, hands each
// to onMessage and writes back the ACK it returns, in order, one connection at a time. A frame that breaks
// MLLP framing or the size limit is answered with an AR; a handler that throws with an AE. Backpressure:
// a connection with too many messages waiting for their ACK is paused until the handler catches up.
// Built on node:net rather than a library server: see lib/adt/index.ts for why.
import net from "node:net";
import { buildAck } from "./build-ack";
import { MllpFrameDecoder, encodeMllpFrame } from "./mllp-frame-decoder";

export interface MllpPeer {
  remoteAddress: string;
  remotePort: number;
}

export interface MllpListenerOptions {
  port: number;
  /** Default 127.0.0.1; set the interface the PAS reaches explicitly. */
  host?: string;
  /** Returns the ACK text for one message (use buildAck). */
  onMessage: (text: string, peer: MllpPeer) => Promise<string>;
  /** Largest message accepted, in bytes. Default 1 MiB. */
  maxMessageBytes?: number;
  /** Character set of the wire. Default UTF-8. */
  encoding?: "utf8" | "latin1";
  /** When set, connections from other addresses are closed at once. */
  allowFrom?: readonly string[];
  /** Default 16. */
  maxConnections?: number;
  /** Messages read but not yet answered, per connection, before reading pauses. Default 32. */
  maxPendingPerConnection?: number;
  onMalformed?: (event: { reason: string; text: string; peer: MllpPeer }) => void;
  onError?: (error: Error, peer?: MllpPeer) => void;
}

export interface MllpListener {
  readonly host: string;
  readonly port: number;
  connectionCount(): number;
  /** Stops accepting, lets each connection finish the ACKs it owes (up to graceMs), then closes them. */
  close(graceMs?: number): Promise<void>;
}

interface Connection {
  socket: net.Socket;
  idle: Promise<void>;
}

const normaliseAddress = (address: string) => address.replace(/^::ffff:/, "");
const QUIET_ERRORS = new Set(["ECONNRESET", "EPIPE"]);

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export function startMllpListener(options: MllpListenerOptions): Promise<MllpListener> {
  const host = options.host ?? "127.0.0.1";
  const maxBytes = options.maxMessageBytes ?? 1024 * 1024;
  const encoding = options.encoding ?? "utf8";
  const maxPending = options.maxPendingPerConnection ?? 32;
  const allowed = options.allowFrom ? new Set(options.allowFrom.map(normaliseAddress)) : null;
  const connections = new Set<Connection>();

  function serve(socket: net.Socket): void {
    const peer: MllpPeer = { remoteAddress: normaliseAddress(socket.remoteAddress ?? ""), remotePort: socket.remotePort ?? 0 };
    if (allowed && !allowed.has(peer.remoteAddress)) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const connection: Connection = { socket, idle: Promise.resolve() };
    connections.add(connection);
    const decoder = new MllpFrameDecoder(maxBytes);
    let pending = 0;

    const answer = (produce: () => Promise<string>) => {
      pending += 1;
      if (pending >= maxPending) socket.pause();
      connection.idle = connection.idle
        .then(produce)
        .then((ack) => {
          if (socket.writable) socket.write(encodeMllpFrame(ack, encoding));
        })
        .catch((err: unknown) => options.onError?.(asError(err), peer))
        .finally(() => {
          pending -= 1;
          if (pending < maxPending && socket.isPaused() && !socket.destroyed) socket.resume();
        });
    };

    const handle = async (text: string): Promise<string> => {
      try {
        return await options.onMessage(text, peer);
      } catch (err) {
        options.onError?.(asError(err), peer);
        return buildAck(text, { code: "AE", text: "internal error: the message was not processed, send it again" });
      }
    };

    socket.on("data", (chunk: Buffer) => {
      for (const event of decoder.push(chunk)) {
        const text = event.payload.toString(encoding);
        if (event.kind === "frame") {
          answer(() => handle(text));
        } else {
          options.onMalformed?.({ reason: event.reason, text, peer });
          answer(async () => buildAck(text, { code: "AR", text: `malformed MLLP frame: ${event.reason}` }));
        }
      }
    });
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (!QUIET_ERRORS.has(err.code ?? "")) options.onError?.(err, peer);
    });
    socket.on("close", () => connections.delete(connection));
  }

  const server = net.createServer(serve);
  server.maxConnections = options.maxConnections ?? 16;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host }, () => {
      server.off("error", reject);
      server.on("error", (err) => options.onError?.(err));
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        host,
        port,
        connectionCount: () => connections.size,
        async close(graceMs = 2000) {
          const closed = new Promise<void>((done) => server.close(() => done()));
          const owed = Promise.all([...connections].map((c) => c.idle));
          await Promise.race([owed, new Promise((done) => setTimeout(done, graceMs).unref())]);
          // end() flushes the ACKs already written; a peer that does not close its side is cut after 500 ms.
          const ended = [...connections].map((c) => new Promise<void>((done) => c.socket.once("close", () => done()).end()));
          await Promise.race([Promise.all(ended), new Promise((done) => setTimeout(done, 500).unref())]);
          for (const c of connections) c.socket.destroy();
          await closed;
        },
      });
    });
  });
}
