// The group-commit statement: a batch of frames and their observations written in one INSERT (unnest
// arrays), its array parameters built in one pass, and which devices' last_seen_at it refreshes.
// (device_id, seq) makes the write idempotent.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { isMetricKey, type MetricKey } from "@/lib/domain/metrics";
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

/** One caller's frames and the promise it waits on. */
export type Waiter = {
  frames: PendingFrame[];
  resolve: (r: WriteResult) => void;
  reject: (e: unknown) => void;
};

export type Rows = { params: unknown[]; firstOwner: Map<string, Waiter>; seenDevices: string[] };

/** A frame the statement stored (not seen before). */
export type InsertedRow = { device_id: string; seq: string };

/** devices.last_seen_at is refreshed at most this often per device (it is a display value). */
const LAST_SEEN_RESOLUTION_MS = 5_000;

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

// PostgreSQL array literals built here in one pass: node-postgres would quote and escape every element
// of the ~100,000 per batch. Plain ids, metric codes and ISO times need no quoting.
const PLAIN = /^[A-Za-z0-9_.:+-]+$/;
const textElement = (s: string | null) =>
  s === null ? "NULL" : PLAIN.test(s) && s.toUpperCase() !== "NULL" ? s : `"${s.replace(/[\\"]/g, "\\$&")}"`;
const textArray = (a: (string | null)[]) => `{${a.map(textElement).join(",")}}`;
const numberArray = (a: number[]) => `{${a.join(",")}}`;
const boolArray = (a: boolean[]) => `{${a.map((b) => (b ? "t" : "f")).join(",")}}`;

export class BatchInserter {
  private readonly lastSeenWritten = new Map<string, number>();

  constructor(private readonly sql: Sql) {}

  buildRows(batch: Waiter[], now: number): Rows {
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

  insert(rows: Rows): Promise<InsertedRow[]> {
    return this.sql.query<InsertedRow>(INSERT_SQL, rows.params);
  }

  /** The rows were not written: their devices' last_seen_at is refreshed by the next write instead. */
  forgetSeen(rows: Rows): void {
    for (const d of rows.seenDevices) this.lastSeenWritten.delete(d);
  }
}
