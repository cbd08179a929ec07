// Reading the quarantine (ingest_rejections) for admins: newest first, filtered by device and time,
// paged by id; as JSON rows or CSV; plus the counts the admin ingest page shows. Ordered by the numeric
// column (`ingest_rejections.id`), not the text alias `id`, which would sort 9 before 10 and mix pages.
import "server-only";
import { getDatabase } from "@/lib/db/database";

export const REJECTIONS_MAX = 10_000;

export type RejectionQuery = { deviceId?: string; from?: Date; to?: Date; limit: number; beforeId?: string };

export type RejectionView = {
  id: string;
  receivedAt: string;
  deviceId: string | null;
  transport: string;
  topic: string | null;
  reason: string;
  payload: string;
};

export type RejectionPage = { rejections: RejectionView[]; nextBeforeId: string | null };

type Row = {
  id: string;
  received_at: Date | string;
  device_id: string | null;
  transport: string;
  topic: string | null;
  reason: string;
  payload: string;
};

export async function listRejections(q: RejectionQuery): Promise<RejectionPage> {
  const limit = Math.min(Math.max(Math.trunc(q.limit), 1), REJECTIONS_MAX);
  const { sql } = await getDatabase();
  const rows = await sql.query<Row>(
    `SELECT id::text AS id, received_at, device_id, transport, topic, reason, payload
       FROM ingest_rejections
      WHERE ($1::text IS NULL OR device_id = $1)
        AND ($2::timestamptz IS NULL OR received_at >= $2)
        AND ($3::timestamptz IS NULL OR received_at < $3)
        AND ($4::bigint IS NULL OR id < $4)
      ORDER BY ingest_rejections.id DESC
      LIMIT $5`,
    [q.deviceId ?? null, q.from?.toISOString() ?? null, q.to?.toISOString() ?? null, q.beforeId ?? null, limit + 1],
  );
  const page = rows.slice(0, limit).map((r) => ({
    id: r.id,
    receivedAt: new Date(r.received_at).toISOString(),
    deviceId: r.device_id,
    transport: r.transport,
    topic: r.topic,
    reason: r.reason,
    payload: r.payload,
  }));
  return { rejections: page, nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so spreadsheets do not run it. */
function cell(v: string | null): string {
  if (v === null) return "";
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function rejectionsCsv(rows: RejectionView[]): string {
  const header = "id,received_at,device_id,transport,topic,reason,payload";
  return (
    [
      header,
      ...rows.map((r) => [r.id, r.receivedAt, cell(r.deviceId), r.transport, cell(r.topic), cell(r.reason), cell(r.payload)].join(",")),
    ].join("\r\n") + "\r\n"
  );
}

export type RejectionTotals = {
  last24h: number;
  lastHour: number;
  byTransport24h: Record<string, number>;
  topDevices24h: { deviceId: string | null; count: number }[];
};

export async function rejectionTotals(): Promise<RejectionTotals> {
  const { sql } = await getDatabase();
  const [byTransport, top] = await Promise.all([
    sql.query<{ transport: string; day: number; hour: number }>(
      `SELECT transport, count(*)::int AS day, count(*) FILTER (WHERE received_at > now() - interval '1 hour')::int AS hour
         FROM ingest_rejections WHERE received_at > now() - interval '24 hours' GROUP BY transport`,
    ),
    sql.query<{ device_id: string | null; n: number }>(
      `SELECT device_id, count(*)::int AS n FROM ingest_rejections WHERE received_at > now() - interval '24 hours'
        GROUP BY device_id ORDER BY n DESC LIMIT 5`,
    ),
  ]);
  return {
    last24h: byTransport.reduce((s, r) => s + r.day, 0),
    lastHour: byTransport.reduce((s, r) => s + r.hour, 0),
    byTransport24h: Object.fromEntries(byTransport.map((r) => [r.transport, r.day])),
    topDevices24h: top.map((r) => ({ deviceId: r.device_id, count: r.n })),
  };
}
