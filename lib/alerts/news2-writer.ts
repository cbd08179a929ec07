// Stores live NEWS2 as observations: the total under code "news2" and each parameter's score under
// "news2.<parameter>", all with device id "platform:news2" and seq = the computation time in ms.
// Written straight into observations in batches (one unnest insert per second), not through the
// ingest writer: these rows are not device frames, so they take no device_frames row (whose
// (device_id, seq) key they could collide with) and never compete with device ingest for its buffer.
// If the database is down, rows wait (bounded; the oldest are dropped first, as NEWS2 is derived).
import "server-only";
import type { Sql } from "@/lib/db/sql";
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
    this.flushing = this.sql
      .query(
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
      )
      .then(
        () => undefined,
        (err: unknown) => {
          console.error("[alerts] storing NEWS2 failed; will retry:", err instanceof Error ? err.message : err);
          this.rows = [...batch, ...this.rows];
          this.timer ??= setTimeout(() => void this.flush(), Math.max(this.flushMs, 5_000)).unref();
        },
      )
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.flushing) await this.flushing;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
