// Group-commit writer for telemetry: frames from every device and connection are gathered for a few
// milliseconds and written in one statement (unnest arrays), frames and observations together.
// A caller's promise resolves only once its frames are durably committed, so MQTT PUBACK and HTTP 202
// are sent after the write. (device_id, seq) makes the write idempotent.
import "server-only";
import type { Sql } from "@/lib/db/sql";

export type PendingFrame = {
  deviceId: string;
  patientId: string | null;
  seq: number;
  ts: Date;
  values: Record<string, number>;
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
  /** Refuse new frames beyond this many waiting (backpressure). */
  maxPendingFrames?: number;
};

const INSERT_SQL = `
WITH incoming AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS t(device_id, seq, ts)
), inserted AS (
  INSERT INTO device_frames (device_id, seq, ts)
  SELECT device_id, seq, ts FROM incoming
  ON CONFLICT DO NOTHING
  RETURNING device_id, seq
), observed AS (
  INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
  SELECT o.patient_id, o.device_id, o.code, o.value, o.ts, o.seq
  FROM unnest($4::text[], $5::text[], $6::text[], $7::float8[], $8::timestamptz[], $9::bigint[])
       AS o(patient_id, device_id, code, value, ts, seq)
  JOIN inserted i ON i.device_id = o.device_id AND i.seq = o.seq
), seen AS (
  UPDATE devices d SET last_seen_at = GREATEST(COALESCE(d.last_seen_at, s.at), s.at)
  FROM (SELECT DISTINCT device_id, now() AS at FROM incoming) s
  WHERE d.id = s.device_id
)
SELECT device_id, seq::text AS seq FROM inserted`;

export class ObservationWriter {
  private queue: Waiter[] = [];
  private queuedFrames = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly maxBatchFrames: number;
  private readonly maxDelayMs: number;
  private readonly maxPendingFrames: number;

  constructor(
    private readonly sql: Sql,
    opts: ObservationWriterOptions = {},
  ) {
    this.maxBatchFrames = opts.maxBatchFrames ?? 2000;
    this.maxDelayMs = opts.maxDelayMs ?? 15;
    this.maxPendingFrames = opts.maxPendingFrames ?? 50_000;
  }

  get pendingFrames(): number {
    return this.queuedFrames;
  }

  write(frames: PendingFrame[]): Promise<WriteResult> {
    if (frames.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
    if (this.queuedFrames + frames.length > this.maxPendingFrames) {
      return Promise.reject(new IngestBusyError(this.queuedFrames));
    }
    return new Promise<WriteResult>((resolve, reject) => {
      this.queue.push({ frames, resolve, reject });
      this.queuedFrames += frames.length;
      this.schedule();
    });
  }

  /** Resolves when everything queued so far is written. */
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
    return batch;
  }

  private async writeBatch(batch: Waiter[]): Promise<void> {
    // Within one batch a (device, seq) is written once; later copies count as duplicates.
    const firstOwner = new Map<string, Waiter>();
    const fDevice: string[] = [], fSeq: string[] = [], fTs: string[] = [];
    const oPatient: (string | null)[] = [], oDevice: string[] = [], oCode: string[] = [];
    const oValue: number[] = [], oTs: string[] = [], oSeq: string[] = [];
    for (const w of batch) {
      for (const f of w.frames) {
        const key = `${f.deviceId}\u0000${f.seq}`;
        if (firstOwner.has(key)) continue;
        firstOwner.set(key, w);
        const ts = f.ts.toISOString();
        const seq = String(f.seq);
        fDevice.push(f.deviceId); fSeq.push(seq); fTs.push(ts);
        for (const [code, value] of Object.entries(f.values)) {
          oPatient.push(f.patientId); oDevice.push(f.deviceId); oCode.push(code);
          oValue.push(value); oTs.push(ts); oSeq.push(seq);
        }
      }
    }
    try {
      const rows = await this.sql.query<{ device_id: string; seq: string }>(INSERT_SQL, [
        fDevice, fSeq, fTs, oPatient, oDevice, oCode, oValue, oTs, oSeq,
      ]);
      const insertedBy = new Map<Waiter, number>();
      for (const r of rows) {
        const owner = firstOwner.get(`${r.device_id}\u0000${r.seq}`);
        if (owner) insertedBy.set(owner, (insertedBy.get(owner) ?? 0) + 1);
      }
      for (const w of batch) {
        const accepted = insertedBy.get(w) ?? 0;
        w.resolve({ accepted, duplicates: w.frames.length - accepted });
      }
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}
