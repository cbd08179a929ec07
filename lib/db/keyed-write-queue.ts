// Writes that must happen in order per key and must not be lost to a database outage: each key's writes
// run one after another, each retried with back-off until it succeeds (or the queue is stopped at
// shutdown). Used by the alert writer (per open key) and the environment compliance log (per device).
import "server-only";

export class KeyedWriteQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly opts: { label: string; retryBaseMs?: number; retryMaxMs?: number }) {}

  enqueue(key: string, op: () => Promise<void>): void {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.withRetry(key, op));
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

  private async withRetry(key: string, op: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await op();
      } catch (err) {
        console.error(`[${this.opts.label}] storing ${key} failed (attempt ${attempt + 1}):`, err instanceof Error ? err.message : err);
        if (this.stopped) return;
        const wait = Math.min(this.opts.retryMaxMs ?? 10_000, (this.opts.retryBaseMs ?? 500) * 2 ** attempt);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }
}
