// Stores live NEWS2 as observations: the total under code "news2" and each parameter's score under
// "news2.<parameter>", all with device id "platform:news2" and seq = the computation time in ms.
// Written straight into observations in batches (one unnest insert per second), not through the
// ingest writer: these rows are not device frames, so they take no device_frames row (whose
// (device_id, seq) key they could collide with) and never compete with device ingest for its buffer.
// If the database is down, rows wait (bounded; the oldest are dropped first, as NEWS2 is derived).
// A row the database refuses (not an outage) is isolated: the batch is retried row by row and the
// refused row goes to poison_rows, so it never blocks the rows behind it.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { quarantinePoisonRows, writeIsolatingPoison } from "@/lib/db/poison-rows";
import { NEWS2_DEVICE_ID, news2ComponentCode } from "@/lib/domain/metrics";
import type { StoredNews2 } from "./live-news2";

type Row = { patientId: string; code: string; value: number; ts: string; seq: string };

export class News2Writer {
  private rows: Row[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private readonly flushMs: number;
  private readonly maxRows: number;

  constructor(
    private readonly sql: Sql,
    opts: { flushMs?: number; maxRows?: number } = {},
  ) {
    this.flushMs = opts.flushMs ?? 1_000;
    this.maxRows = opts.maxRows ?? 50_000;
  }

  add(s: StoredNews2): void {
    const ts = new Date(s.at).toISOString();
    const seq = String(Math.trunc(s.at));
    this.rows.push({ patientId: s.patientId, code: "news2", value: s.total, ts, seq });
    for (const [param, score] of Object.entries(s.components)) {
      this.rows.push({ patientId: s.patientId, code: news2ComponentCode(param), value: score, ts, seq });
    }
    if (this.rows.length > this.maxRows) {
      console.warn(`[alerts] NEWS2 store backlog over ${this.maxRows} rows; dropping the oldest`);
      this.rows.splice(0, this.rows.length - this.maxRows);
    }
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  /** Writes everything buffered; on failure the rows stay for the next attempt. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.flushing) return this.flushing.then(() => this.flush());
    if (this.rows.length === 0) return;
    const batch = this.rows;
    this.rows = [];
    this.flushing = writeIsolatingPoison(batch, (rows) => this.insert(rows))
      .then(async (result) => {
        await quarantinePoisonRows(this.sql, "news2", result.poisoned);
        if (result.deferred.length === 0) return;
        const err = result.deferError;
        console.error("[alerts] storing NEWS2 failed; will retry:", err instanceof Error ? err.message : err);
        this.rows = [...result.deferred, ...this.rows];
        this.timer ??= setTimeout(() => void this.flush(), Math.max(this.flushMs, 5_000)).unref();
      })
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  private async insert(batch: Row[]): Promise<void> {
    await this.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
       SELECT patient_id, $1, code, value, ts, seq
         FROM unnest($2::text[], $3::text[], $4::float8[], $5::timestamptz[], $6::bigint[]) AS o(patient_id, code, value, ts, seq)`,
      [
        NEWS2_DEVICE_ID,
        batch.map((r) => r.patientId),
        batch.map((r) => r.code),
        batch.map((r) => r.value),
        batch.map((r) => r.ts),
        batch.map((r) => r.seq),
      ],
    );
  }

  async close(): Promise<void> {
    if (this.flushing) await this.flushing;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
