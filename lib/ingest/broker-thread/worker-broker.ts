// The embedded broker on its worker thread (MQTT_TRANSPORT=worker), from the main thread: starts the
// thread (broker-worker-thread.ts), tells it to drop a device whose rights are withdrawn, and restarts
// it on the same ports if it ever ends unasked; devices then reconnect and resend what was not
// acknowledged, which nothing loses since a PUBACK follows only the durable write.
import "server-only";
import { drainIngest } from "../accept-telemetry";
import type { ListenOptions, Log } from "../broker-net";
import { onRightsWithdrawn } from "../device-gate";
import type { EmbeddedBroker } from "../embedded-broker-types";
import { publishOutcomes } from "../publish-outcomes";
import { startBrokerWorkerThread, type BrokerWorkerThread } from "./broker-worker-thread";
import type { BrokerWorkerData } from "./protocol";

/** An accepted connect is reused this long by the worker (reconnect storms); a withdrawal forgets it at once. */
const CONNECT_CACHE_MS = 5_000;

/** The running threads (tests end one to see the broker come back). */
const running = new Set<BrokerWorkerThread>();

/** Tests: ends every broker worker thread at once, as a crash would. */
export async function crashBrokerWorkersForTest(): Promise<void> {
  await Promise.all([...running].map((t) => t.terminate()));
}

export async function startWorkerBroker(listen: ListenOptions, log: Log, maxBodyBytes: number): Promise<EmbeddedBroker> {
  const outcomes = publishOutcomes(log);
  let closed = false;
  let thread: BrokerWorkerThread;

  const start = (data: BrokerWorkerData) => {
    const t = startBrokerWorkerThread(data, log, outcomes, (code) => {
      running.delete(t);
      if (!closed) restart(code);
    });
    running.add(t);
    return t;
  };

  thread = start({ listen, maxBodyBytes, connectCacheMs: CONNECT_CACHE_MS });
  let info;
  try {
    info = await thread.ready;
  } catch (err) {
    running.delete(thread);
    await thread.terminate();
    throw err;
  }
  const { port, tlsPort, url } = info;

  function restart(code: number): void {
    log("warn", `[mqtt] the broker's worker thread ended (code ${code}); restarting it on port ${port}`);
    const again = { ...listen, port, tls: listen.tls && { ...listen.tls, port: tlsPort ?? listen.tls.port } };
    thread = start({ listen: again, maxBodyBytes, connectCacheMs: CONNECT_CACHE_MS });
    thread.ready.catch((err: Error) =>
      log("warn", `[mqtt] the broker's worker thread did not restart: ${err.message}; MQTT ingest has stopped`),
    );
  }

  const unsubscribe = onRightsWithdrawn((deviceId, change) => thread.send({ t: "drop", deviceId, change }));

  return {
    port,
    tlsPort,
    url,
    transport: "worker",
    publish: (topic, payload, o = {}) => thread.publish(topic, payload, o.retain ?? false),
    async close() {
      closed = true;
      unsubscribe();
      await thread.close();
      running.delete(thread);
      // Frames already handed to the writer finish writing; their PUBACKs cannot reach the closed
      // connections, so devices resend them after the restart and they count as duplicates.
      await drainIngest();
    },
  };
}
