// Trend series for one patient and one metric over a time range, downsampled on the server with LTTB
// so a chart never receives more than maxPoints points whatever the range.
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
