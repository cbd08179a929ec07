// Decryption of database results in one place: every string that holds an encrypted value is decrypted,
// at any depth (relations included), and a patient's `birthDate` is replaced by its exact encrypted date
// (`birthDateEnc`) when that was read. Applied to every Prisma result (lib/db/open-database.ts) and
// usable on rows read with plain SQL.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptPhi, isEncrypted } from "./phi-cipher";

const YMD = /^\d{4}-\d{2}-\d{2}$/;

export function decryptResults<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(v: unknown, depth: number): unknown {
  if (depth > 32 || v === null || typeof v !== "object") return isEncrypted(v) ? decryptPhi(v) : v;
  if (v instanceof Date || Buffer.isBuffer(v) || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = walk(v[i], depth + 1);
    return v;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = walk(o[k], depth + 1);
  if ("birthDateEnc" in o && typeof o.birthDateEnc === "string" && YMD.test(o.birthDateEnc)) {
    if (o.birthDate instanceof Date) o.birthDate = new Date(`${o.birthDateEnc}T00:00:00Z`);
  }
  return v;
}

/** A birth date read with plain SQL: the exact one from birth_date_enc when present. */
export function readBirthDate(birthDate: Date | string, birthDateEnc: string | null | undefined): Date {
  if (birthDateEnc) {
    const plain = decryptPhi(birthDateEnc);
    if (YMD.test(plain)) return new Date(`${plain}T00:00:00Z`);
  }
  return birthDate instanceof Date ? birthDate : new Date(`${String(birthDate).slice(0, 10)}T00:00:00Z`);
}

/** The Prisma client every part of the app uses, with every result decrypted (a query extension: the
 *  client's types are unchanged). */
export function withPhiDecryption(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          return decryptResults(await query(args));
        },
      },
    },
  }) as unknown as PrismaClient;
}
