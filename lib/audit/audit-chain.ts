// Tamper evidence for the audit log: each audit_events row carries the hash of the row before it
// (prev_hash) and its own hash, SHA-256 over prev_hash and its content. Rows are appended by one statement,
// the audit_append function (migration 20261203170100), under a transaction-scoped advisory lock held only
// while it runs, so concurrent writers (app nodes, the CLI) extend one chain without queueing on round trips.
// verifyAuditChain walks the chain in id order and names the first broken link: a row whose content was
// altered, or whose predecessor was altered or deleted. Rows written before the chain existed (no hash)
// are counted, not judged. What a chain cannot show alone (the newest rows deleted together) is the
// operator's part: ship audit rows or the latest hash off the database (SECURITY.md).
import "server-only";
import crypto from "node:crypto";
import type { Sql } from "@/lib/db/sql";

/** pg_advisory_xact_lock key for appending to the chain ("iomt" + 11). */
export const AUDIT_CHAIN_LOCK_KEY = 0x696f6d74 + 11;
/** The prev_hash of the first row of the chain. */
export const AUDIT_GENESIS = "0".repeat(64);

export type AuditContent = {
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  patientId: string | null;
  detail: unknown;
  ip: string | null;
  userAgent: string | null;
};

/** JSON with object keys sorted at every level (jsonb reorders keys; the hash must not care). */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** The canonical text a row's hash covers (after its prev_hash and a newline). */
export function auditRowContent(c: AuditContent): string {
  return canonicalJson([c.at, c.actorUserId, c.actorEmail, c.actorRole, c.action, c.patientId, c.detail ?? null, c.ip, c.userAgent]);
}

export function auditRowHash(prevHash: string, c: AuditContent): string {
  return crypto.createHash("sha256").update(prevHash).update("\n").update(auditRowContent(c)).digest("hex");
}

/** Appends rows to the chain in one statement (the caller's order is the chain's order); the database
 *  computes each row's hash exactly as auditRowHash does. */
export async function appendAuditRows(sql: Pick<Sql, "query">, rows: AuditContent[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `SELECT audit_append($1, $2, $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[], $12::text[])`,
    [
      AUDIT_CHAIN_LOCK_KEY,
      AUDIT_GENESIS,
      rows.map((r) => r.at),
      rows.map((r) => r.actorUserId),
      rows.map((r) => r.actorEmail),
      rows.map((r) => r.actorRole),
      rows.map((r) => r.action),
      rows.map((r) => r.patientId),
      rows.map((r) => (r.detail === null || r.detail === undefined ? null : JSON.stringify(r.detail))),
      rows.map((r) => r.ip),
      rows.map((r) => r.userAgent),
      rows.map(auditRowContent),
    ],
    { prepared: "audit_append" },
  );
}

export type AuditVerification = {
  ok: boolean;
  /** Rows checked in the chain. */
  checked: number;
  /** Rows older than the chain (written before it existed), not judged. */
  unchained: number;
  firstBroken: { id: string; reason: string } | null;
};

type StoredRow = {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  patient_id: string | null;
  detail: unknown;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string | null;
  hash: string | null;
};

/** Walks the whole chain in id order (pages of 2,000 rows) and reports the first broken link. */
export async function verifyAuditChain(sql: Pick<Sql, "query">): Promise<AuditVerification> {
  let checked = 0;
  let unchained = 0;
  let expectedPrev: string | null = null;
  let after = "0";
  for (;;) {
    const rows = await sql.query<StoredRow>(
      `SELECT id::text AS id, at, actor_user_id, actor_email, actor_role, action, patient_id, detail, ip, user_agent, prev_hash, hash
         FROM audit_events WHERE id > $1::bigint ORDER BY audit_events.id LIMIT 2000`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      after = r.id;
      if (expectedPrev === null && r.hash === null && r.prev_hash === null) {
        unchained++;
        continue;
      }
      const broken = (reason: string) => ({ ok: false, checked, unchained, firstBroken: { id: r.id, reason } });
      if (r.hash === null || r.prev_hash === null) return broken("its hash was removed");
      if (expectedPrev !== null && r.prev_hash !== expectedPrev)
        return broken("the row before it was deleted or altered (its prev_hash does not match that row's hash)");
      if (expectedPrev === null && r.prev_hash !== AUDIT_GENESIS && unchained === 0)
        return broken("the rows before it were deleted (the chain does not start at the genesis hash)");
      const content: AuditContent = {
        at: new Date(r.at).toISOString(),
        actorUserId: r.actor_user_id,
        actorEmail: r.actor_email,
        actorRole: r.actor_role,
        action: r.action,
        patientId: r.patient_id,
        detail: typeof r.detail === "string" ? (JSON.parse(r.detail) as unknown) : r.detail,
        ip: r.ip,
        userAgent: r.user_agent,
      };
      if (auditRowHash(r.prev_hash, content) !== r.hash) return broken("its content was altered (the hash does not match)");
      expectedPrev = r.hash;
      checked++;
    }
  }
  return { ok: true, checked, unchained, firstBroken: null };
}
