// Fails when prisma/schema.prisma and the database built by prisma/migrations disagree: tables,
// columns, types, nullability, enums, primary keys, unique constraints and indexes.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  hasDefaultValue: boolean;
  default?: { name?: string } | unknown;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { fields: string[] } | null };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[]; dbName?: string | null };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] } };

const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Timestamptz: (a) => `timestamp(${a[0] ?? 6}) with time zone`,
  Date: () => "date",
  SmallInt: () => "smallint",
  VarChar: (a) => `character varying(${a[0]})`,
  Text: () => "text",
  Uuid: () => "uuid",
  DoublePrecision: () => "double precision",
};

function expectedColumns() {
  const out: Record<string, Record<string, { type: string; nullable: boolean }>> = {};
  for (const m of dmmf.datamodel.models) {
    const cols: Record<string, { type: string; nullable: boolean }> = {};
    for (const f of m.fields) {
      if (f.kind === "object") continue;
      const type = f.kind === "enum" ? f.type : f.nativeType ? NATIVE_TYPES[f.nativeType[0]]!(f.nativeType[1]) : SCALAR_TYPES[f.type]!;
      cols[f.dbName ?? f.name] = { type, nullable: !f.isRequired };
    }
    out[m.dbName ?? m.name] = cols;
  }
  return out;
}

function columnName(model: string, field: string): string {
  const m = dmmf.datamodel.models.find((x) => x.name === model)!;
  const f = m.fields.find((x) => x.name === field)!;
  return f.dbName ?? f.name;
}

function tableName(model: string): string {
  const m = dmmf.datamodel.models.find((x) => x.name === model)!;
  return m.dbName ?? m.name;
}

describe.each(testDatabaseKinds)("schema.prisma matches the migrated database on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.destroy());

  it("has the same tables, columns, types and nullability", async () => {
    const rows = await db.sql.query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(
      `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
    );
    const actual: Record<string, Record<string, { type: string; nullable: boolean }>> = {};
    for (const r of rows) (actual[r.table_name] ??= {})[r.column_name] = { type: r.type.replace(/^"(.*)"$/, "$1"), nullable: r.nullable };
    expect(actual).toEqual(expectedColumns());
  });

  it("has the same enums", async () => {
    const rows = await db.sql.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual: Record<string, string[]> = {};
    for (const r of rows) (actual[r.name] ??= []).push(r.value);
    expect(actual).toEqual(Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)])));
  });

  it("has the same primary keys, unique constraints and indexes", async () => {
    const rows = await db.sql.query<{ table_name: string; unique: boolean; primary: boolean; columns: string }>(
      `SELECT t.relname AS table_name, ix.indisunique AS unique, ix.indisprimary AS primary,
              string_agg(a.attname, ',' ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
    );
    const describeIndex = (table: string, kind: string, cols: string[]) => `${table} ${kind} (${cols.join(",")})`;
    const actual = rows
      .map((r) => describeIndex(r.table_name, r.primary ? "id" : r.unique ? "unique" : "normal", r.columns.split(",")))
      .sort();
    const expected = dmmf.datamodel.indexes
      .map((i) =>
        describeIndex(
          tableName(i.model),
          i.type,
          i.fields.map((f) => columnName(i.model, f.name)),
        ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("records every migration in _prisma_migrations as Prisma Migrate does", async () => {
    const applied = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    const dirs = fs
      .readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(applied.map((a) => a.migration_name)).toEqual(dirs);
    for (const a of applied) {
      expect(a.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(a.finished_at).not.toBeNull();
      expect(a.applied_steps_count).toBe(1);
    }
  });
});
