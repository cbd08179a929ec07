// PHI at rest for patients (issue 11): at start, rows written before encryption (seed data, older
// installs) are encrypted in place; `db rotate-key` rewrites every value under the current data key.
// Names are stored encrypted, the exact birth date in birth_date_enc, birth_date keeps only the year.
// Encryption and decryption themselves live in lib/crypto.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { decryptPhi, encryptPhi, keyIdOf } from "@/lib/crypto/phi-cipher";
import { dataKeyring, finishKeyRotation, startKeyRotation } from "@/lib/crypto/data-keys";

type Row = { id: string; given_name: string; family_name: string; birth_date: Date | string; birth_date_enc: string | null };

const ymd = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 10);

/** Encrypts (or re-encrypts under the current key) every patient whose stored identity is not yet
 *  entirely under the current key. Returns how many rows it rewrote. */
export async function encryptPatientsAtRest(sql: Pick<Sql, "query">): Promise<number> {
  const current = dataKeyring().current.id;
  const rows = await sql.query<Row>(`SELECT id, given_name, family_name, birth_date, birth_date_enc FROM patients`);
  const stale = rows.filter((r) => [r.given_name, r.family_name, r.birth_date_enc].some((v) => keyIdOf(v) !== current));
  for (let i = 0; i < stale.length; i += 500) {
    const batch = stale.slice(i, i + 500).map((r) => {
      const birth = r.birth_date_enc ? decryptPhi(r.birth_date_enc) : ymd(r.birth_date);
      return {
        id: r.id,
        given: encryptPhi(decryptPhi(r.given_name)),
        family: encryptPhi(decryptPhi(r.family_name)),
        year: `${birth.slice(0, 4)}-01-01`,
        birth: encryptPhi(birth),
      };
    });
    await sql.query(
      `UPDATE patients p SET given_name = u.given, family_name = u.family, birth_date = u.year::date, birth_date_enc = u.birth
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, given, family, year, birth)
        WHERE p.id = u.id`,
      [batch.map((b) => b.id), batch.map((b) => b.given), batch.map((b) => b.family), batch.map((b) => b.year), batch.map((b) => b.birth)],
    );
  }
  return stale.length;
}

/** Free-text columns that may hold PHI, stored encrypted: the start-up sweep and rotation cover them too. */
const FREE_TEXT_COLUMNS = [{ table: "ai_calls", id: "id", column: "feedback_comment" }] as const;

/** Encrypts (or re-encrypts under the current key) the free-text PHI columns. */
export async function encryptFreeTextAtRest(sql: Pick<Sql, "query">): Promise<number> {
  const current = dataKeyring().current.id;
  let n = 0;
  for (const c of FREE_TEXT_COLUMNS) {
    const rows = await sql.query<{ id: string; v: string }>(
      `SELECT ${c.id} AS id, ${c.column} AS v FROM ${c.table} WHERE ${c.column} IS NOT NULL`,
    );
    const stale = rows.filter((r) => keyIdOf(r.v) !== current);
    for (let i = 0; i < stale.length; i += 500) {
      const batch = stale.slice(i, i + 500);
      await sql.query(`UPDATE ${c.table} t SET ${c.column} = u.v FROM unnest($1::text[], $2::text[]) AS u(id, v) WHERE t.${c.id} = u.id`, [
        batch.map((r) => r.id),
        batch.map((r) => encryptPhi(decryptPhi(r.v))),
      ]);
    }
    n += stale.length;
  }
  return n;
}

/** `db rotate-key`: a new current key (generated into DATA_DIR's key file, or the DATA_KEY the operator
 *  set with the old one in DATA_KEY_PREVIOUS), every value rewritten under it, older keys dropped. */
export async function rotateDataKey(sql: Pick<Sql, "query">): Promise<{ keyId: string; rewritten: number; source: "env" | "file" }> {
  const ring = startKeyRotation();
  const rewritten = (await encryptPatientsAtRest(sql)) + (await encryptFreeTextAtRest(sql));
  finishKeyRotation();
  return { keyId: ring.current.id, rewritten, source: ring.source };
}

/** At start: everything written before encryption existed, encrypted under the current key. */
export async function encryptAtRest(sql: Pick<Sql, "query">): Promise<number> {
  return (await encryptPatientsAtRest(sql)) + (await encryptFreeTextAtRest(sql));
}
