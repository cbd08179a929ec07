// Trend series for one patient and one metric (or several, in one statement) over a time range,
// downsampled on the server with LTTB so a chart never receives more than maxPoints points per series
// whatever the range.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { lttb, type Point } from "@/lib/charts/lttb";

export type ObservationSeries = {
  code: string;
  from: string;
  to: string;
  /** Readings stored in the range, before downsampling. */
  total: number;
  points: Point[];
};

export async function loadObservationSeries(q: {
  patientId: string;
  code: string;
  from: Date;
  to: Date;
  maxPoints: number;
}): Promise<ObservationSeries> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ t: string; v: number }>(
    `SELECT (extract(epoch FROM ts) * 1000)::float8 AS t, value AS v
       FROM observations
      WHERE patient_id = $1 AND code = $2 AND ts >= $3 AND ts <= $4
      ORDER BY ts`,
    [q.patientId, q.code, q.from.toISOString(), q.to.toISOString()],
  );
  const points = rows.map((r) => ({ t: Number(r.t), v: r.v }));
  return { code: q.code, from: q.from.toISOString(), to: q.to.toISOString(), total: points.length, points: lttb(points, q.maxPoints) };
}

/** Every code's series in one statement (the patient page draws all its charts from one request). */
export async function loadObservationBundle(q: {
  patientId: string;
  codes: readonly string[];
  from: Date;
  to: Date;
  maxPoints: number;
}): Promise<ObservationSeries[]> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ code: string; t: string; v: number }>(
    `SELECT code, (extract(epoch FROM ts) * 1000)::float8 AS t, value AS v
       FROM observations
      WHERE patient_id = $1 AND code = ANY($2::text[]) AND ts >= $3 AND ts <= $4
      ORDER BY code, ts`,
    [q.patientId, [...q.codes], q.from.toISOString(), q.to.toISOString()],
  );
  const byCode = new Map<string, Point[]>(q.codes.map((c) => [c, []]));
  for (const r of rows) byCode.get(r.code)?.push({ t: Number(r.t), v: r.v });
  const from = q.from.toISOString();
  const to = q.to.toISOString();
  return q.codes.map((code) => {
    const points = byCode.get(code) ?? [];
    return { code, from, to, total: points.length, points: lttb(points, q.maxPoints) };
  });
}
