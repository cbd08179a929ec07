// Group-commit writer for telemetry: frames from every device and connection are gathered for a few
// milliseconds and written in one statement (unnest arrays), frames and observations together.
// A caller's promise resolves only once its frames are durably committed, so MQTT PUBACK and HTTP 202
// are sent after the write. (device_id, seq) makes the write idempotent.
//
// Faults: when the database is slow or unreachable the batch stays in the bounded buffer and is retried
// with backoff (callers keep waiting; nothing is acknowledged); frames arriving meanwhile queue behind
// it until the buffer is full, after which write() refuses at once (IngestBusyError) so devices back
// off and resend. When the database returns, the buffer drains in full batches. An error that is not
// a lost or refused connection is retried a few times and then reported to the batch's callers.
// A commit whose answer was lost is retried and then counts the frames as duplicates: still stored once.
import "server-only";
import type { Sql } from "@/lib/db/sql";

export type PendingFrame = {
  deviceId: string;
  patientId: string | null;
  seq: number;
  ts: Date;
  values: Record<string, number>;
  /** Keys of `values` that are implausible artifacts (stored with observations.artifact = true). */
  artifacts?: readonly string[];
};

export type WriteResult = { accepted: number; duplicates: number };

export class IngestBusyError extends Error {
  constructor(pendingFrames: number) {
    super(`ingest buffer is full (${pendingFrames} frames waiting for the database); retry shortly`);
    this.name = "IngestBusyError";
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

const INSERT_SQL = `
WITH incoming AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS t(device_id, seq, ts)
), inserted AS (
  INSERT INTO device_frames (device_id, seq, ts)
  SELECT device_id, seq, ts FROM incoming
  ON CONFLICT DO NOTHING
  RETURNING device_id, seq
), observed AS (
  INSERT INTO observations (patient_id, device_id, code, value, ts, seq, artifact)
  SELECT o.patient_id, o.device_id, o.code, o.value, o.ts, o.seq, o.artifact
  FROM unnest($4::text[], $5::text[], $6::text[], $7::float8[], $8::timestamptz[], $9::bigint[], $10::bool[])
       AS o(patient_id, device_id, code, value, ts, seq, artifact)
  JOIN inserted i ON i.device_id = o.device_id AND i.seq = o.seq
), seen AS (
  UPDATE devices d SET last_seen_at = GREATEST(d.last_seen_at, now())
  WHERE d.id = ANY($11::text[])
)
SELECT device_id, seq::text AS seq FROM inserted`;

/** SQLSTATE classes and Node error codes that mean "the database is unreachable or restarting". */
const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300", "40001", "40P01"]);

export function isTransientDatabaseError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (TRANSIENT_CODES.has(code) || code.startsWith("08"))) return true;
  const message = err instanceof Error ? err.message : String(err);
  return /connection (terminated|ended|refused|reset)|timeout|Client has encountered a connection error|not queryable|ECONN/i.test(message);
}

type Rows = { params: unknown[]; firstOwner: Map<string, Waiter>; seenDevices: string[] };

export class ObservationWriter {
  private queue: Waiter[] = [];
  private queuedFrames = 0;
  private writingFrames = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly lastSeenWritten = new Map<string, number>();
  private committed = 0;
  private retries = 0;
  private failingSince: number | null = null;
  private lastError: string | null = null;
  private readonly maxBatchFrames: number;
  private readonly maxDelayMs: number;
  private readonly maxPendingFrames: number;
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
    while (this.queue.length > 0 || this.flushing) {
      if (this.flushing) await this.flushing;
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.flushing) return; // the running flush picks up the queue when it finishes
    if (this.queuedFrames >= this.maxBatchFrames) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.maxDelayMs);
    }
  }

  private flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.flushing || this.queue.length === 0) return this.flushing ?? Promise.resolve();
    const batch = this.takeBatch();
    this.flushing = this.writeBatch(batch).finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    });
    return this.flushing;
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
    this.writingFrames = frames;
    return batch;
  }

  private buildRows(batch: Waiter[], now: number): Rows {
    // Within one batch a (device, seq) is written once; later copies count as duplicates.
    const firstOwner = new Map<string, Waiter>();
    const fDevice: string[] = [], fSeq: number[] = [], fTs: string[] = [];
    const oPatient: (string | null)[] = [], oDevice: string[] = [], oCode: string[] = [];
    const oValue: number[] = [], oTs: string[] = [], oSeq: number[] = [], oArtifact: boolean[] = [];
    const seenDevices: string[] = [];
    for (const w of batch) {
      for (const f of w.frames) {
        const key = `${f.deviceId}\u0000${f.seq}`;
        if (firstOwner.has(key)) continue;
        firstOwner.set(key, w);
        const ts = f.ts.toISOString();
        fDevice.push(f.deviceId); fSeq.push(f.seq); fTs.push(ts);
        const artifacts = f.artifacts;
        for (const code in f.values) {
          oPatient.push(f.patientId); oDevice.push(f.deviceId); oCode.push(code);
          oValue.push(f.values[code]!); oTs.push(ts); oSeq.push(f.seq);
          oArtifact.push(artifacts !== undefined && artifacts.length > 0 && artifacts.includes(code));
        }
        const seenAt = this.lastSeenWritten.get(f.deviceId);
        if (seenAt === undefined || now - seenAt >= LAST_SEEN_RESOLUTION_MS) {
          this.lastSeenWritten.set(f.deviceId, now);
          seenDevices.push(f.deviceId);
        }
      }
    }
    return { params: [fDevice, fSeq, fTs, oPatient, oDevice, oCode, oValue, oTs, oSeq, oArtifact, seenDevices], firstOwner, seenDevices };
  }

  private async writeBatch(batch: Waiter[]): Promise<void> {
    const rows = this.buildRows(batch, Date.now());
    for (let attempt = 1; ; attempt++) {
      try {
        const inserted = await this.sql.query<{ device_id: string; seq: string }>(INSERT_SQL, rows.params);
        this.settle(batch, rows, inserted);
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!isTransientDatabaseError(err) && attempt >= MAX_OTHER_ERROR_ATTEMPTS) {
          this.log(`[ingest] writing ${this.writingFrames} frames failed ${attempt} times (${message}); reporting to the senders`);
          for (const d of rows.seenDevices) this.lastSeenWritten.delete(d);
          this.writingFrames = 0;
          for (const w of batch) w.reject(err);
          return;
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

  private settle(batch: Waiter[], rows: Rows, inserted: { device_id: string; seq: string }[]): void {
    if (this.failingSince !== null) {
      this.log(`[ingest] database writes resumed after ${((Date.now() - this.failingSince) / 1000).toFixed(1)} s; draining ${this.pendingFrames} buffered frames`);
      this.failingSince = null;
    }
    this.committed += this.writingFrames;
    this.writingFrames = 0;
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
