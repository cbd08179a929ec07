// Poison-row isolation for batched writers: a batch that fails for a reason other than a lost or busy
// database is retried row by row; a row that still fails is quarantined (table poison_rows, or the
// writer's own quarantine) and the rows behind it are written. A poison row never blocks a writer.
// Also the one place text is made storable: PostgreSQL text holds neither NUL nor unpaired surrogates.
import "server-only";
import type { Sql } from "./sql";

/** SQLSTATE classes and Node error codes that mean "the database is unreachable or restarting". */
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "40001",
  "40P01",
]);

export function isTransientDatabaseError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (TRANSIENT_CODES.has(code) || code.startsWith("08"))) return true;
  const message = err instanceof Error ? err.message : String(err);
  return /connection (terminated|ended|refused|reset)|timeout|Client has encountered a connection error|not queryable|ECONN/i.test(message);
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL accepts: NUL written as the six characters `\u0000`, an unpaired surrogate as `\uD83D`. */
export function storableText(s: string): string;
export function storableText(s: string | null): string | null;
export function storableText(s: string | null): string | null {
  if (s === null) return null;
  return s.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** A row as JSON text for the quarantine (bigint and Date included; never throws). */
export function describeRow(row: unknown): string {
  try {
    return storableText(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(row));
  } catch {
    return storableText(String(row));
  }
}

export function errorText(err: unknown): string {
  return storableText((err instanceof Error ? err.message : String(err)).slice(0, 2000));
}

export type Poisoned<R> = { row: R; error: string };

export type IsolatedWrite<R> = {
  written: R[];
  poisoned: Poisoned<R>[];
  /** Rows not written because the database became unavailable: the caller keeps them for its retry. */
  deferred: R[];
  deferError: unknown;
};

/**
 * Writes `rows` in one call of `write`; if that fails for a reason other than the database being
 * unavailable, writes them one at a time and reports which ones fail (poisoned). `write` must be
 * all-or-nothing per call (one statement or one transaction).
 */
export async function writeIsolatingPoison<R>(rows: R[], write: (rows: R[]) => Promise<void>): Promise<IsolatedWrite<R>> {
  const out: IsolatedWrite<R> = { written: [], poisoned: [], deferred: [], deferError: null };
  if (rows.length === 0) return out;
  try {
    await write(rows);
    out.written = rows;
    return out;
  } catch (err) {
    if (isTransientDatabaseError(err)) return { ...out, deferred: rows, deferError: err };
    if (rows.length === 1) return { ...out, poisoned: [{ row: rows[0]!, error: errorText(err) }] };
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    try {
      await write([row]);
      out.written.push(row);
    } catch (err) {
      if (isTransientDatabaseError(err)) {
        out.deferred = rows.slice(i);
        out.deferError = err;
        return out;
      }
      out.poisoned.push({ row, error: errorText(err) });
    }
  }
  return out;
}

/** Keeps rows no writer could store in poison_rows (their JSON, escaped); logs if even that fails. */
export async function quarantinePoisonRows<R>(
  sql: Pick<Sql, "query">,
  writer: string,
  poisoned: Poisoned<R>[],
  log: (msg: string) => void = (m) => console.error(m),
): Promise<void> {
  if (poisoned.length === 0) return;
  log(`[${writer}] ${poisoned.length} row(s) could not be stored and were quarantined (poison_rows): ${poisoned[0]!.error}`);
  try {
    await sql.query(`INSERT INTO poison_rows (writer, row, error) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      poisoned.map(() => writer),
      poisoned.map((p) => describeRow(p.row).slice(0, 64 * 1024)),
      poisoned.map((p) => storableText(p.error)),
    ]);
  } catch (err) {
    log(
      `[${writer}] quarantining ${poisoned.length} row(s) failed too (${errorText(err)}); they are logged here: ${describeRow(poisoned)}`,
    );
  }
}
