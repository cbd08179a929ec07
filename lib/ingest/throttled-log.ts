// At most a few log lines per key (e.g. per device) per interval, with a count of what was held back,
// so a misbehaving device cannot flood the log; every event is still counted (ingest-counters).

export class ThrottledLog {
  private readonly windows = new Map<string, { start: number; lines: number; suppressed: number }>();

  constructor(
    private readonly write: (msg: string) => void,
    private readonly everyMs = 10_000,
    private readonly linesPerWindow = 5,
  ) {}

  log(key: string, msg: string): void {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.everyMs) {
      const held = w?.suppressed ?? 0;
      if (this.windows.size > 10_000) this.windows.clear();
      w = { start: now, lines: 0, suppressed: 0 };
      this.windows.set(key, w);
      if (held) msg = `${msg} (${held} similar lines held back before this one)`;
    }
    if (w.lines >= this.linesPerWindow) {
      w.suppressed++;
      return;
    }
    w.lines++;
    this.write(msg);
  }
}
