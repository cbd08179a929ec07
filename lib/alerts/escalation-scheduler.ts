// The one in-process timer that drives escalation. It runs every due step, then sleeps until the next
// next_escalation_at in the database (at most maxSleepMs, so changes made elsewhere are seen), and is
// woken early when an alert changes. All state is in the database, so a restart simply resumes.
import "server-only";

export type SchedulerDeps = {
  /** Escalates what is due at `now`; returns how many alerts were escalated. */
  runDue: (now: Date) => Promise<number>;
  nextDueAt: () => Promise<Date | null>;
  now?: () => number;
  maxSleepMs?: number;
  retryMs?: number;
};

export class EscalationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private wakeAt = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly deps: SchedulerDeps) {}

  private now(): number {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** An alert's escalation time changed: wake up earlier if needed. */
  poke(at: Date | string | null): void {
    if (this.stopped || at === null) return;
    const t = new Date(at).getTime();
    if (t < this.wakeAt) this.sleepUntil(t);
  }

  /** Runs now (also used by tests); resolves when this round is done. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async round(): Promise<void> {
    try {
      for (let i = 0; i < 100 && !this.stopped; i++) {
        if ((await this.deps.runDue(new Date(this.now()))) === 0) break;
      }
      if (this.stopped) return;
      const next = await this.deps.nextDueAt();
      this.sleepUntil(next ? next.getTime() : Infinity);
    } catch (err) {
      console.error("[alerts] escalation round failed; retrying:", err instanceof Error ? err.message : err);
      if (!this.stopped) this.sleepUntil(this.now() + (this.deps.retryMs ?? 5_000));
    }
  }

  private sleepUntil(t: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const maxSleep = this.deps.maxSleepMs ?? 30_000;
    const delay = Math.min(Math.max(0, t - this.now()), maxSleep);
    this.wakeAt = this.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeAt = Infinity;
      void this.kick();
    }, delay);
    this.timer.unref?.();
  }
}
