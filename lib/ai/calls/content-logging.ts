// Content logging: off unless an admin turns it on. When on, a call's messages and answer are kept with
// it until its retention ends (content_expires_at); the purge clears expired content (hourly and at start).
import "server-only";
import { getDatabase, perDatabase } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import type { AiActor } from "@/lib/ai/actor";
import type { ContentLogging } from "@/lib/ai/service-types";

const KEY = "content_logging";
export const DEFAULT_CONTENT_LOGGING: ContentLogging = { enabled: false, retentionDays: 30 };
export const MAX_RETENTION_DAYS = 365;

function parse(v: unknown): ContentLogging {
  if (typeof v !== "object" || v === null) return DEFAULT_CONTENT_LOGGING;
  const o = v as { enabled?: unknown; retentionDays?: unknown };
  return {
    enabled: o.enabled === true,
    retentionDays: typeof o.retentionDays === "number" ? o.retentionDays : DEFAULT_CONTENT_LOGGING.retentionDays,
  };
}

/** Read on every call: cached per database for a moment (a change on another node is seen within it). */
const SETTING_CACHE_MS = 2_000;
type Cached = { at: number; value: ContentLogging | null };

async function cache(): Promise<Cached> {
  return perDatabase("aiContentLogging", () => ({ at: 0, value: null }) as Cached);
}

export async function readContentLogging(): Promise<ContentLogging> {
  const c = await cache();
  if (c.value && Date.now() - c.at < SETTING_CACHE_MS) return c.value;
  const { sql } = await getDatabase();
  const [row] = await sql.query<{ value: unknown }>(`SELECT value FROM ai_settings WHERE key = $1`, [KEY]);
  c.value = parse(row?.value);
  c.at = Date.now();
  return c.value;
}

export async function writeContentLogging(actor: AiActor, input: ContentLogging): Promise<ContentLogging> {
  if (!Number.isInteger(input.retentionDays) || input.retentionDays < 1 || input.retentionDays > MAX_RETENTION_DAYS) {
    throw new Refusal("invalid", `must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}`, { field: "retentionDays" });
  }
  const before = await readContentLogging();
  const after: ContentLogging = { enabled: input.enabled, retentionDays: input.retentionDays };
  const { sql } = await getDatabase();
  await sql.query(
    `INSERT INTO ai_settings (key, value, updated_by_id, updated_at) VALUES ($1, $2::jsonb, $3, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
    [KEY, JSON.stringify(after), actor.principal.userId],
  );
  (await cache()).value = null;
  await recordAudit([{ actor: actor.principal, action: "ai.content_logging.set", meta: actor.meta, detail: { before, after } }]);
  return after;
}

/** Clears the content of every call whose retention ended; returns how many. */
export async function purgeExpiredContent(now = new Date()): Promise<number> {
  const { sql } = await getDatabase();
  const rows = await sql.query(
    `UPDATE ai_calls SET content = NULL, content_expires_at = NULL WHERE content_expires_at IS NOT NULL AND content_expires_at <= $1 RETURNING id`,
    [now],
  );
  return rows.length;
}
