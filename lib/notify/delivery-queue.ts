// A bounded work queue for outbound notifications: at most `concurrency` sends at once, at most `maxQueued`
// waiting (beyond that a task is refused at once, through its onDrop, so a flood never grows memory), and
// each task bounded by `timeoutMs`. A failing or slow task never blocks the others; enqueue never throws
// and never waits, so the alarm path that calls it is never held up.
export type DeliveryTask = {
  run: (signal: AbortSignal) => Promise<void>;
  /** Called when the task is refused (queue full) or timed out; the reason says which. */
  onDrop?: (reason: string) => void;
};

export class DeliveryQueue {
  private readonly waiting: DeliveryTask[] = [];
  private active = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly opts: { concurrency: number; maxQueued: number; timeoutMs: number }) {}

  enqueue(task: DeliveryTask): boolean {
    if (this.waiting.length >= this.opts.maxQueued) {
      safely(() => task.onDrop?.("the notification queue is full"));
      return false;
    }
    this.waiting.push(task);
    this.pump();
    return true;
  }

  get pending(): number {
    return this.waiting.length + this.active;
  }

  /** Resolves when nothing is waiting or running. */
  drain(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.idle.push(r));
  }

  private pump(): void {
    while (this.active < this.opts.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.active++;
      void this.runOne(task).finally(() => {
        this.active--;
        this.pump();
        if (this.pending === 0) for (const r of this.idle.splice(0)) r();
      });
    }
  }

  private async runOne(task: DeliveryTask): Promise<void> {
    const ctl = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((r) => {
      timer = setTimeout(() => r("timeout"), this.opts.timeoutMs);
    });
    try {
      const result = await Promise.race([task.run(ctl.signal).then(() => "done" as const), timeout]);
      if (result === "timeout") {
        ctl.abort();
        safely(() => task.onDrop?.(`no answer within ${this.opts.timeoutMs} ms`));
      }
    } catch (err) {
      console.error("[notify] a delivery failed:", err instanceof Error ? err.message : err);
    } finally {
      clearTimeout(timer);
    }
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error("[notify] a delivery callback failed:", err instanceof Error ? err.message : err);
  }
}
