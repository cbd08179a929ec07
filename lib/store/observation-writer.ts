// Group-commit writer for telemetry, the entry ingest calls: owns the queue of callers, when a batch is
// flushed, backpressure (IngestBusyError), retries through database faults and the writer's stats.
// The statement itself is in observation-batch-insert, poison isolation in observation-poison-isolation.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { errorText, isTransientDatabaseError } from "@/lib/db/poison-rows";
import { BatchInserter, type InsertedRow, type PendingFrame, type Rows, type Waiter, type WriteResult } from "./observation-batch-insert";
import { PoisonFramesError, writeCallerByCaller } from "./observation-poison-isolation";

export type { PendingFrame, WriteResult };
export { PoisonFramesError };

export class IngestBusyError extends Error {
  constructor(pendingFrames: number) {
    super(`ingest buffer is full (${pendingFrames} frames waiting for the database); retry shortly`);
    this.name = "IngestBusyError";
  }
}

export type ObservationWriterOptions = {
  /** Flush when this many frames are waiting. */
  maxBatchFrames?: number;
  /** Flush at the latest this long after the first frame arrived. */
  maxDelayMs?: number;
  /** Refuse new frames beyond this many waiting or being written (backpressure). */
  maxPendingFrames?: number;
  /** Statements in flight at once (default 2 on PostgreSQL, 1 on PGlite). */
  maxConcurrentWrites?: number;
  /** First retry delay; doubles per attempt up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  log?: (msg: string) => void;
};

export type WriterStats = {
  pendingFrames: number;
  committedFrames: number;
  retries: number;
  /** Since when writes have been failing (ISO), or null when healthy. */
  failingSince: string | null;
  lastError: string | null;
};

/** Errors that are not connection trouble are retried this many times, then reported. */
const MAX_OTHER_ERROR_ATTEMPTS = 3;

// Frames from every device and connection are gathered for a few milliseconds and written in one
// statement. A caller's promise resolves only once its frames are durably committed, so MQTT PUBACK and
// HTTP 202 are sent after the write. On PostgreSQL two statements may be in flight, so the next batch is
// written while the previous one commits.
//
// Faults: when the database is slow or unreachable the batch stays in the bounded buffer and is retried
// with backoff (callers keep waiting; nothing is acknowledged); frames arriving meanwhile queue behind
// it until the buffer is full, after which write() refuses at once (IngestBusyError) so devices back
// off and resend. When the database returns, the buffer drains in full batches. An error that is not
// a lost or refused connection is retried a few times and then reported to the batch's callers.
// A commit whose answer was lost is retried and then counts the frames as duplicates: still stored once.
// Poison rows: when such an error persists, the batch is written caller by caller (observation-poison-isolation).
export class ObservationWriter {
  private queue: Waiter[] = [];
  private queuedFrames = 0;
  private writingFrames = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly writing = new Set<Promise<void>>();
  private readonly inserter: BatchInserter;
  private committed = 0;
  private retries = 0;
  private failingSince: number | null = null;
  private lastError: string | null = null;
  private readonly maxBatchFrames: number;
  private readonly maxDelayMs: number;
  private readonly maxPendingFrames: number;
  private readonly maxConcurrentWrites: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly log: (msg: string) => void;

  constructor(sql: Sql, opts: ObservationWriterOptions = {}) {
    this.inserter = new BatchInserter(sql);
    this.maxBatchFrames = opts.maxBatchFrames ?? 2000;
    this.maxDelayMs = opts.maxDelayMs ?? 15;
    this.maxPendingFrames = opts.maxPendingFrames ?? 50_000;
    // PostgreSQL: the next batch is written while the previous one commits (two connections).
    // PGlite runs one statement at a time, so a second one would only wait.
    this.maxConcurrentWrites = opts.maxConcurrentWrites ?? (sql.kind === "postgres" ? 2 : 1);
    this.retryDelayMs = opts.retryDelayMs ?? 50;
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 1000;
    this.log = opts.log ?? ((m) => console.warn(m));
  }

  /** Frames accepted by write() and not yet committed (queued or being written). */
  get pendingFrames(): number {
    return this.queuedFrames + this.writingFrames;
  }

  stats(): WriterStats {
    return {
      pendingFrames: this.pendingFrames,
      committedFrames: this.committed,
      retries: this.retries,
      failingSince: this.failingSince === null ? null : new Date(this.failingSince).toISOString(),
      lastError: this.lastError,
    };
  }

  write(frames: PendingFrame[]): Promise<WriteResult> {
    if (frames.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
    if (this.pendingFrames + frames.length > this.maxPendingFrames) {
      return Promise.reject(new IngestBusyError(this.pendingFrames));
    }
    return new Promise<WriteResult>((resolve, reject) => {
      this.queue.push({ frames, resolve, reject });
      this.queuedFrames += frames.length;
      this.schedule();
    });
  }

  /** Resolves when everything queued so far is written (waiting through retries). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.writing.size > 0) {
      if (this.queue.length > 0 && this.writing.size < this.maxConcurrentWrites) this.flush();
      else await Promise.race(this.writing);
    }
  }

  private schedule(): void {
    if (this.writing.size >= this.maxConcurrentWrites) return; // a finishing write picks up the queue
    // While the database is failing, one write at a time retries; the rest wait in the queue.
    if (this.failingSince !== null && this.writing.size > 0) return;
    if (this.queuedFrames >= this.maxBatchFrames) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.maxDelayMs);
    }
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.writing.size >= this.maxConcurrentWrites || this.queue.length === 0) return;
    const batch = this.takeBatch();
    const frames = batch.reduce((n, w) => n + w.frames.length, 0);
    this.writingFrames += frames;
    const done: Promise<void> = this.writeBatch(batch, frames).finally(() => {
      this.writingFrames -= frames;
      this.writing.delete(done);
      if (this.queue.length > 0) this.schedule();
    });
    this.writing.add(done);
    if (this.queue.length > 0) this.schedule();
  }

  private takeBatch(): Waiter[] {
    const batch: Waiter[] = [];
    let frames = 0;
    while (this.queue.length > 0 && (batch.length === 0 || frames + this.queue[0]!.frames.length <= this.maxBatchFrames)) {
      const w = this.queue.shift()!;
      frames += w.frames.length;
      batch.push(w);
    }
    this.queuedFrames -= frames;
    return batch;
  }

  private async writeBatch(batch: Waiter[], frames: number): Promise<void> {
    const rows = this.inserter.buildRows(batch, Date.now());
    for (let attempt = 1; ; attempt++) {
      try {
        const inserted = await this.inserter.insert(rows);
        this.settle(batch, rows, inserted, frames);
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!isTransientDatabaseError(err) && attempt >= MAX_OTHER_ERROR_ATTEMPTS) {
          this.inserter.forgetSeen(rows);
          if (batch.length === 1) {
            this.log(`[ingest] writing ${frames} frames failed ${attempt} times (${message}); reporting to the sender`);
            batch[0]!.reject(new PoisonFramesError(errorText(err)));
            return;
          }
          this.log(`[ingest] writing ${frames} frames failed ${attempt} times (${message}); writing them sender by sender`);
          return writeCallerByCaller(batch, this.inserter, {
            settle: (b, r, inserted, n) => this.settle(b, r, inserted, n),
            requeue: (rest) => this.requeue(rest),
            log: (m) => this.log(m),
          });
        }
        if (this.failingSince === null) {
          this.failingSince = Date.now();
          this.log(`[ingest] database write failed (${message}); keeping ${this.pendingFrames} frames buffered and retrying`);
        }
        this.retries++;
        this.lastError = message;
        await new Promise((r) => setTimeout(r, Math.min(this.maxRetryDelayMs, this.retryDelayMs * 2 ** (attempt - 1))));
      }
    }
  }

  /** The database went away during isolation: callers not yet written go back to the front of the queue. */
  private requeue(rest: Waiter[]): void {
    this.queue.unshift(...rest);
    this.queuedFrames += rest.reduce((n, r) => n + r.frames.length, 0);
  }

  private settle(batch: Waiter[], rows: Rows, inserted: InsertedRow[], frames: number): void {
    if (this.failingSince !== null) {
      this.log(
        `[ingest] database writes resumed after ${((Date.now() - this.failingSince) / 1000).toFixed(1)} s; draining ${this.pendingFrames} buffered frames`,
      );
      this.failingSince = null;
    }
    this.committed += frames;
    const insertedBy = new Map<Waiter, number>();
    for (const r of inserted) {
      const owner = rows.firstOwner.get(`${r.device_id}\u0000${r.seq}`);
      if (owner) insertedBy.set(owner, (insertedBy.get(owner) ?? 0) + 1);
    }
    for (const w of batch) {
      const accepted = insertedBy.get(w) ?? 0;
      w.resolve({ accepted, duplicates: w.frames.length - accepted });
    }
  }
}
