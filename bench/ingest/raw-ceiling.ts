// The raw ceiling: the same rows the app writes (a frame row plus six observation rows per frame)
// pushed through a plain batched `INSERT … SELECT FROM unnest(…)` loop, one statement at a time, with
// no broker, validation, bus or writer in front. The app's throughput is reported as a ratio of this.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { monoMs, round } from "./bench-stats";

const RAW_SQL = `
WITH frames AS (
  INSERT INTO device_frames (device_id, seq, ts)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[])
)
INSERT INTO observations (patient_id, device_id, code, value, ts, seq)
SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::float8[], $8::timestamptz[], $9::bigint[])`;

const CODES = ["heart_rate", "spo2", "resp_rate", "temp", "bp_sys", "bp_dia"];

export type RawCeiling = { framesPerSec: number; valuesPerSec: number; batches: number; batchFrames: number };

/** Runs for about `durationMs`, batches of `batchFrames` frames spread over the devices; seq starts at `startSeq`. */
export async function measureRawCeiling(
  sql: Sql,
  devices: { id: string; patientId: string }[],
  startSeq: number,
  durationMs: number,
  batchFrames = 2000,
): Promise<RawCeiling> {
  let seq = startSeq;
  let frames = 0;
  let batches = 0;
  const start = monoMs();
  while (monoMs() - start < durationMs) {
    const fDev: string[] = [],
      fSeq: number[] = [],
      fTs: string[] = [];
    const oPat: string[] = [],
      oDev: string[] = [],
      oCode: string[] = [],
      oVal: number[] = [],
      oTs: string[] = [],
      oSeq: number[] = [];
    const ts = new Date().toISOString();
    for (let i = 0; i < batchFrames; i++) {
      const d = devices[i % devices.length]!;
      if (i > 0 && i % devices.length === 0) seq++;
      fDev.push(d.id);
      fSeq.push(seq);
      fTs.push(ts);
      for (const code of CODES) {
        oPat.push(d.patientId);
        oDev.push(d.id);
        oCode.push(code);
        oVal.push(70 + (i % 30));
        oTs.push(ts);
        oSeq.push(seq);
      }
    }
    seq++;
    await sql.query(RAW_SQL, [fDev, fSeq, fTs, oPat, oDev, oCode, oVal, oTs, oSeq]);
    frames += batchFrames;
    batches++;
  }
  const seconds = (monoMs() - start) / 1000;
  return { framesPerSec: round(frames / seconds, 0), valuesPerSec: round((frames * CODES.length) / seconds, 0), batches, batchFrames };
}
