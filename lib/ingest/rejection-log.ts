// The quarantine: every refused frame is kept in ingest_rejections with its reason, raw payload (up to
// 64 KiB, truncation noted in the reason), device, transport, topic and time. record() only queues in
// memory, so the hot path never waits for it; a timer writes the queue in one unnest statement. While
// the database is down the queue is retried; it is bounded (entries and bytes) and anything beyond the
// bound is counted and logged, never dropped silently. Every text column is made storable (NUL and
// unpaired surrogates escaped), and a row PostgreSQL still refuses is isolated: the batch is retried row
// by row, the refused row goes to poison_rows, and the rows behind it are written.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { perDatabase } from "@/lib/db/database";
import { quarantinePoisonRows, storableText, writeIsolatingPoison } from "@/lib/db/poison-rows";

export const MAX_QUARANTINE_PAYLOAD_BYTES = 64 * 1024;

export type Rejection = {
  deviceId: string | null;
  transport: "mqtt" | "http";
  topic: string | null;
  reason: string;
  payload: string | Buffer | null;
  /** Size of the whole body when `payload` holds only its beginning (e.g. a body refused for its size). */
  totalBytes?: number;
};

type Row = { deviceId: string | null; transport: string; topic: string | null; reason: string; payload: string; at: string; bytes: number };

export type RejectionLogStats = { queued: number; written: number; dropped: number; failing: boolean };

const INSERT_SQL = `
INSERT INTO ingest_rejections (device_id, transport, topic, reason, payload, received_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`;

/** A payload as storable text: at most 64 KiB of it, NUL bytes escaped (PostgreSQL text cannot hold them). */
export function quarantinePayload(payload: string | Buffer | null, totalBytes?: number): { text: string; note: string | null } {
  if (payload === null) return { text: "", note: totalBytes ? `[payload of ${totalBytes} bytes not kept]` : null };
  const buf = typeof payload === "string" ? Buffer.from(payload, "utf8") : payload;
  const size = totalBytes ?? buf.length;
  const kept = buf.length > MAX_QUARANTINE_PAYLOAD_BYTES ? buf.subarray(0, MAX_QUARANTINE_PAYLOAD_BYTES) : buf;
  const text = storableText(kept.toString("utf8"));
  return { text, note: size > kept.length ? `[payload truncated: ${size} bytes, first ${kept.length} kept]` : null };
}

export class RejectionLog {
  private queue: Row[] = [];
  private queuedBytes = 0;
  private written = 0;
  private dropped = 0;
  private failing = false;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private lastDropLog = 0;
  private readonly flushMs: number;
  private readonly maxQueued: number;
  private readonly maxQueuedBytes: number;
  private readonly log: (msg: string) => void;

  constructor(
    private readonly sql: Sql,
    opts: { flushMs?: number; maxQueued?: number; maxQueuedBytes?: number; log?: (msg: string) => void } = {},
  ) {
    this.flushMs = opts.flushMs ?? 250;
    this.maxQueued = opts.maxQueued ?? 10_000;
    this.maxQueuedBytes = opts.maxQueuedBytes ?? 16 * 2 ** 20;
    this.log = opts.log ?? ((m) => console.warn(m));
  }

  record(r: Rejection): void {
    const { text, note } = quarantinePayload(r.payload, r.totalBytes);
    const bytes = text.length + r.reason.length;
    if (this.queue.length >= this.maxQueued || this.queuedBytes + bytes > this.maxQueuedBytes) {
      this.dropped++;
      if (Date.now() - this.lastDropLog > 60_000) {
        this.lastDropLog = Date.now();
        this.log(
          `[ingest] quarantine queue full (${this.queue.length} waiting for the database): rejection from "${r.deviceId}" not kept (${r.reason}); ${this.dropped} not kept so far`,
        );
      }
      return;
    }
    const reason = storableText(note ? `${r.reason} ${note}` : r.reason);
    this.queue.push({
      deviceId: storableText(r.deviceId),
      transport: r.transport,
      topic: storableText(r.topic),
      reason,
      payload: text,
      at: new Date().toISOString(),
      bytes,
    });
    this.queuedBytes += bytes;
    this.schedule(this.flushMs);
  }

  stats(): RejectionLogStats {
    return { queued: this.queue.length, written: this.written, dropped: this.dropped, failing: this.failing };
  }

  /** Writes everything queued so far; resolves even if the database is down (the queue is kept). */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.flushing) await this.flushing;
    if (this.queue.length > 0) await this.flush();
  }

  private schedule(ms: number): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
    this.timer.unref();
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const batch = this.queue.splice(0, 1000);
    const run = async () => {
      const result = await writeIsolatingPoison(batch, (rows) => this.insert(rows));
      const stored = result.written.length + result.poisoned.length;
      this.written += result.written.length;
      for (const r of [...result.written, ...result.poisoned.map((p) => p.row)]) this.queuedBytes -= r.bytes;
      if (result.poisoned.length > 0) await quarantinePoisonRows(this.sql, "ingest quarantine", result.poisoned, this.log);
      if (result.deferred.length > 0) {
        this.queue.unshift(...result.deferred);
        if (!this.failing)
          this.log(
            `[ingest] quarantine write failed (${(result.deferError as Error).message}); ${this.queue.length} rejections kept for retry`,
          );
        this.failing = true;
      } else if (stored > 0) {
        if (this.failing) this.log(`[ingest] quarantine writes resumed`);
        this.failing = false;
      }
    };
    this.flushing = run().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule(this.failing ? 1000 : 0);
    });
    return this.flushing;
  }

  private async insert(rows: Row[]): Promise<void> {
    await this.sql.query(INSERT_SQL, [
      rows.map((r) => r.deviceId),
      rows.map((r) => r.transport),
      rows.map((r) => r.topic),
      rows.map((r) => r.reason),
      rows.map((r) => r.payload),
      rows.map((r) => r.at),
    ]);
  }
}

export function getRejectionLog(): Promise<RejectionLog> {
  return perDatabase("rejectionLog", (db) => new RejectionLog(db.sql));
}
