// Several read-only SELECTs issued together, sent as ONE statement: each becomes a scalar subquery that
// aggregates its rows to JSON. An AI call's parameter queries then cost one round trip, one backend and
// one result to parse instead of one of each per query (bench:ai). Statements issued in the same turn of
// the event loop are combined; one issued later (after an await) goes in the next statement.
// The rows come back as JSON values, whichever database: timestamps as ISO strings, numeric and bigint as
// numbers, json as parsed values; read them with num() / toDate() (lib/ai/budgets/rows). A statement
// must not contain dollar-quoted text (its $n placeholders are renumbered) and must not end in ";".
import "server-only";
import type { Sql, SqlRow } from "./sql";

export type JsonReads = { query<T extends SqlRow = SqlRow>(text: string, params?: unknown[]): Promise<T[]> };

type Statement = { text: string; params: readonly unknown[] };

function renumber(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/** The one statement that returns each of `statements`' rows as a JSON array, in columns r0, r1, ... */
export function combineAsJson(statements: readonly Statement[]): { text: string; params: unknown[] } {
  const columns: string[] = [];
  const params: unknown[] = [];
  for (const [i, s] of statements.entries()) {
    columns.push(`(SELECT coalesce(json_agg(t), '[]'::json) FROM (${renumber(s.text, params.length)}) t) AS r${i}`);
    params.push(...s.params);
  }
  return { text: `SELECT ${columns.join(",\n       ")}`, params };
}

type Pending = Statement & { resolve: (rows: SqlRow[]) => void; reject: (err: unknown) => void };

/** Reads through `q`, the statements of one turn combined into one (see the top of this file). */
export function batchedJsonReads(q: Pick<Sql, "query">): JsonReads {
  let batch: Pending[] = [];
  async function flush(): Promise<void> {
    const run = batch;
    batch = [];
    try {
      const combined = combineAsJson(run);
      const [row] = await q.query<Record<string, unknown>>(combined.text, combined.params);
      for (const [i, p] of run.entries()) {
        const v = row?.[`r${i}`];
        p.resolve((typeof v === "string" ? JSON.parse(v) : (v ?? [])) as SqlRow[]);
      }
    } catch (err) {
      for (const p of run) p.reject(err);
    }
  }
  return {
    query<T extends SqlRow = SqlRow>(text: string, params: unknown[] = []): Promise<T[]> {
      return new Promise<T[]>((resolve, reject) => {
        if (batch.length === 0) queueMicrotask(() => void flush());
        batch.push({ text, params, resolve: resolve as (rows: SqlRow[]) => void, reject });
      });
    },
  };
}
