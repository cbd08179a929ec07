// Several app nodes sharing one PostgreSQL: exactly one runs clinical alerting (the alarm engine, the
// escalation scheduler, the compliance log). The lead is a session-level advisory lock held on a
// connection of its own; the other nodes try for it every few seconds. When the leading process dies or
// its connection drops, PostgreSQL releases the lock and the next node to try starts alerting, warming its
// engine from the database (open alerts are marked raised, so nothing is raised twice); a node that loses
// its connection stops its engine at once, so two engines never run for long.
import "server-only";
import pg from "pg";

/** pg_try_advisory_lock key of the alerting lead ("iomt" + 1): any fixed number only this app uses. */
export const ALERTING_LOCK_KEY = 0x696f6d74_01;

export type AlertingLead<T> = { current(): T | null; stop(): Promise<void> };

/** `start` starts alerting on this node (startAlerting); what it returns is stopped when the lead is lost. */
export async function holdAlertingLead<T extends { stop(): Promise<void> }>(opts: {
  databaseUrl: string;
  start: () => Promise<T>;
  log: (msg: string) => void;
  retryMs?: number;
}): Promise<AlertingLead<T>> {
  const retryMs = opts.retryMs ?? 5_000;
  let client: pg.Client | null = null;
  let alerting: T | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastError = "";

  const release = async () => {
    const c = client;
    client = null;
    const a = alerting;
    alerting = null;
    await a?.stop();
    await c?.end().catch(() => undefined);
  };
  const schedule = () => {
    if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
  };
  const lost = (why: string) => {
    if (stopped || !client) return;
    const wasLeading = alerting !== null;
    void release().then(() => {
      if (wasLeading) opts.log(`[alerts] lost the alerting lead (${why}); another node takes over, this one tries again`);
      schedule();
    });
  };
  const attempt = async (): Promise<void> => {
    timer = null;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: opts.databaseUrl, keepAlive: true });
        c.on("error", (err) => lost(err.message));
        c.on("end", () => lost("connection closed"));
        await c.connect();
        client = c;
      }
      const rows = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [ALERTING_LOCK_KEY]);
      if (rows.rows[0]?.ok && !stopped) {
        alerting = await opts.start();
        lastError = "";
        opts.log("[alerts] this node runs clinical alerting (it holds the alerting lead)");
        return;
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== lastError) opts.log(`[alerts] trying for the alerting lead failed: ${message}`);
      lastError = message;
      await release();
    }
    schedule();
  };

  await attempt();
  return {
    current: () => alerting,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await release();
    },
  };
}
