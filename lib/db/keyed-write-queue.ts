// Writes that must happen in order per key and must not be lost to a database outage: each key's writes
// run one after another, each retried with back-off until it succeeds (or the queue is stopped at
// shutdown). Used by the alert writer (per open key) and the environment compliance log (per device).
// A write the database refuses for a reason other than an outage (a poison row) is tried a few times,
// then quarantined in poison_rows with its description and logged, so the writes behind it go on.
import "server-only";
import { errorText, isTransientDatabaseError, quarantinePoisonRows } from "./poison-rows";
import type { Sql } from "./sql";

/** Attempts for a write failing with an error that is not an outage before it is quarantined. */
const MAX_POISON_ATTEMPTS = 3;

export class KeyedWriteQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly opts: { label: string; sql?: Pick<Sql, "query">; retryBaseMs?: number; retryMaxMs?: number }) {}

  /** `row` describes the write for the quarantine (what it would have stored). */
  enqueue(key: string, op: () => Promise<void>, row?: unknown): void {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.withRetry(key, op, row));
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /** Resolves when every queued write has been stored. */
  async drain(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /** Stop retrying (shutdown); writes in flight still finish or fail once. */
  stop(): void {
    this.stopped = true;
  }

  private async withRetry(key: string, op: () => Promise<void>, row: unknown): Promise<void> {
    let refusals = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await op();
      } catch (err) {
        console.error(`[${this.opts.label}] storing ${key} failed (attempt ${attempt + 1}):`, err instanceof Error ? err.message : err);
        if (!isTransientDatabaseError(err) && ++refusals >= MAX_POISON_ATTEMPTS) {
          const poisoned = [{ row: { key, write: row ?? null }, error: errorText(err) }];
          if (this.opts.sql) await quarantinePoisonRows(this.opts.sql, this.opts.label, poisoned);
          else console.error(`[${this.opts.label}] write for ${key} dropped after ${refusals} refusals: ${errorText(err)}`);
          return;
        }
        if (this.stopped) return;
        const wait = Math.min(this.opts.retryMaxMs ?? 10_000, (this.opts.retryBaseMs ?? 500) * 2 ** attempt);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }
}
