// Group-commit writer for telemetry: frames from every device and connection are gathered for a few
// milliseconds and written in one statement (unnest arrays), frames and observations together.
// A caller's promise resolves only once its frames are durably committed, so MQTT PUBACK and HTTP 202
// are sent after the write. (device_id, seq) makes the write idempotent. On PostgreSQL two statements
// may be in flight, so the next batch is written while the previous one commits.
//
// Faults: when the database is slow or unreachable the batch stays in the bounded buffer and is retried
// with backoff (callers keep waiting; nothing is acknowledged); frames arriving meanwhile queue behind
// it until the buffer is full, after which write() refuses at once (IngestBusyError) so devices back
// off and resend. When the database returns, the buffer drains in full batches. An error that is not
// a lost or refused connection is retried a few times and then reported to the batch's callers.
// A commit whose answer was lost is retried and then counts the frames as duplicates: still stored once.
// Poison rows: when such an error persists, the batch is written caller by caller, so only the caller
// whose frames the database refuses gets a PoisonFramesError (ingest quarantines that body) and the
// others are stored; callers behind it are not held up.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { isMetricKey, type MetricKey } from "@/lib/domain/metrics";
import { errorText, isTransientDatabaseError } from "@/lib/db/poison-rows";
import type { EpochMs, MetricValues } from "@/lib/events";

export type PendingFrame = {
  deviceId: string;
  patientId: string | null;
  seq: number;
  /** When the device measured the values. */
  ts: EpochMs;
  values: MetricValues;
  /** Keys of `values` that are implausible artifacts (stored with observations.artifact = true). */
  artifacts?: readonly MetricKey[];
};

export type WriteResult = { accepted: number; duplicates: number };

export class IngestBusyError extends Error {
  constructor(pendingFrames: number) {
    super(`ingest buffer is full (${pendingFrames} frames waiting for the database); retry shortly`);
    this.name = "IngestBusyError";
  }
}

/** The database refused these frames themselves (not an outage): resending cannot help. */
export class PoisonFramesError extends Error {
  constructor(readonly dbError: string) {
    super(`the frames could not be stored (${dbError})`);
    this.name = "PoisonFramesError";
  }
}

type Waiter = {
  frames: PendingFrame[];
  resolve: (r: WriteResult) => void;
  reject: (e: unknown) => void;
};

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

/** devices.last_seen_at is refreshed at most this often per device (it is a display value). */
const LAST_SEEN_RESOLUTION_MS = 5_000;
/** Errors that are not connection trouble are retried this many times, then reported. */
const MAX_OTHER_ERROR_ATTEMPTS = 3;

// Frames go in once each (with their row number); observations refer to their frame by that number,
// so device, patient, time and seq are not repeated per value. Only frames not seen before get values.
const INSERT_SQL = `
WITH incoming AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[]) WITH ORDINALITY AS t(device_id, seq, ts, patient_id, n)
), inserted AS (
  INSERT INTO device_frames (device_id, seq, ts)
  SELECT device_id, seq, ts FROM incoming
  ON CONFLICT DO NOTHING
  RETURNING device_id, seq
), observed AS (
  INSERT INTO observations (patient_id, device_id, code, value, ts, seq, artifact)
  SELECT f.patient_id, f.device_id, o.code, o.value, f.ts, f.seq, o.artifact
  FROM inserted i
  JOIN incoming f ON f.device_id = i.device_id AND f.seq = i.seq
  JOIN unnest($5::int[], $6::text[], $7::float8[], $8::bool[]) AS o(n, code, value, artifact) ON o.n = f.n
), seen AS (
  UPDATE devices d SET last_seen_at = GREATEST(d.last_seen_at, now())
  WHERE d.id = ANY($9::text[])
)
SELECT device_id, seq::text AS seq FROM inserted`;

export { isTransientDatabaseError };

type Rows = { params: unknown[]; firstOwner: Map<string, Waiter>; seenDevices: string[] };

// PostgreSQL array literals built here in one pass: node-postgres would quote and escape every element
// of the ~100,000 per batch. Plain ids, metric codes and ISO times need no quoting.
const PLAIN = /^[A-Za-z0-9_.:+-]+$/;
const textElement = (s: string | null) =>
  s === null ? "NULL" : PLAIN.test(s) && s.toUpperCase() !== "NULL" ? s : `"${s.replace(/[\\"]/g, "\\$&")}"`;
const textArray = (a: (string | null)[]) => `{${a.map(textElement).join(",")}}`;
const numberArray = (a: number[]) => `{${a.join(",")}}`;
const boolArray = (a: boolean[]) => `{${a.map((b) => (b ? "t" : "f")).join(",")}}`;

export class ObservationWriter {
  private queue: Waiter[] = [];
  private queuedFrames = 0;
  private writingFrames = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly writing = new Set<Promise<void>>();
  private readonly lastSeenWritten = new Map<string, number>();
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

  constructor(
    private readonly sql: Sql,
    opts: ObservationWriterOptions = {},
  ) {
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

  private buildRows(batch: Waiter[], now: number): Rows {
    // Within one batch a (device, seq) is written once; later copies count as duplicates.
    const firstOwner = new Map<string, Waiter>();
    const fDevice: string[] = [],
      fSeq: number[] = [],
      fTs: string[] = [],
      fPatient: (string | null)[] = [];
    const oFrame: number[] = [],
      oCode: string[] = [],
      oValue: number[] = [],
      oArtifact: boolean[] = [];
    const seenDevices: string[] = [];
    for (const w of batch) {
      for (const f of w.frames) {
        const key = `${f.deviceId}\u0000${f.seq}`;
        if (firstOwner.has(key)) continue;
        firstOwner.set(key, w);
        fDevice.push(f.deviceId);
        fSeq.push(f.seq);
        fTs.push(new Date(f.ts).toISOString());
        fPatient.push(f.patientId);
        const n = fDevice.length; // 1-based, as WITH ORDINALITY counts
        const artifacts = f.artifacts !== undefined && f.artifacts.length > 0 ? f.artifacts : null;
        for (const code in f.values) {
          if (!isMetricKey(code)) continue;
          const value = f.values[code];
          if (value === undefined) continue;
          oFrame.push(n);
          oCode.push(code);
          oValue.push(value);
          oArtifact.push(artifacts !== null && artifacts.includes(code));
        }
        const seenAt = this.lastSeenWritten.get(f.deviceId);
        if (seenAt === undefined || now - seenAt >= LAST_SEEN_RESOLUTION_MS) {
          this.lastSeenWritten.set(f.deviceId, now);
          seenDevices.push(f.deviceId);
        }
      }
    }
    const params =
      this.sql.kind === "postgres"
        ? [
            textArray(fDevice),
            numberArray(fSeq),
            textArray(fTs),
            textArray(fPatient),
            numberArray(oFrame),
            textArray(oCode),
            numberArray(oValue),
            boolArray(oArtifact),
            textArray(seenDevices),
          ]
        : [fDevice, fSeq, fTs, fPatient, oFrame, oCode, oValue, oArtifact, seenDevices];
    return { params, firstOwner, seenDevices };
  }

  private async writeBatch(batch: Waiter[], frames: number): Promise<void> {
    const rows = this.buildRows(batch, Date.now());
    for (let attempt = 1; ; attempt++) {
      try {
        const inserted = await this.sql.query<{ device_id: string; seq: string }>(INSERT_SQL, rows.params);
        this.settle(batch, rows, inserted, frames);
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!isTransientDatabaseError(err) && attempt >= MAX_OTHER_ERROR_ATTEMPTS) {
          for (const d of rows.seenDevices) this.lastSeenWritten.delete(d);
          if (batch.length === 1) {
            this.log(`[ingest] writing ${frames} frames failed ${attempt} times (${message}); reporting to the sender`);
            batch[0]!.reject(new PoisonFramesError(errorText(err)));
            return;
          }
          this.log(`[ingest] writing ${frames} frames failed ${attempt} times (${message}); writing them sender by sender`);
          return this.isolate(batch);
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

  /** Poison isolation: each caller's frames alone; a refused caller is told, the rest are stored. If the
   *  database goes away meanwhile, the callers not yet written go back to the front of the queue. */
  private async isolate(batch: Waiter[]): Promise<void> {
    for (let i = 0; i < batch.length; i++) {
      const w = batch[i]!;
      const rows = this.buildRows([w], Date.now());
      try {
        const inserted = await this.sql.query<{ device_id: string; seq: string }>(INSERT_SQL, rows.params);
        this.settle([w], rows, inserted, w.frames.length);
      } catch (err) {
        for (const d of rows.seenDevices) this.lastSeenWritten.delete(d);
        if (isTransientDatabaseError(err)) {
          const rest = batch.slice(i);
          this.queue.unshift(...rest);
          this.queuedFrames += rest.reduce((n, r) => n + r.frames.length, 0);
          return;
        }
        this.log(
          `[ingest] ${w.frames.length} frames from "${w.frames[0]?.deviceId}" refused by the database (${errorText(err)}); quarantined`,
        );
        w.reject(new PoisonFramesError(errorText(err)));
      }
    }
  }

  private settle(batch: Waiter[], rows: Rows, inserted: { device_id: string; seq: string }[], frames: number): void {
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
