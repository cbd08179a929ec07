// The benchmark's database: a fresh PGlite in a temporary directory, or a fresh PostgreSQL database
// created beside BENCH_DATABASE_URL / TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// and dropped afterwards; seeded in bulk with wards of 32 beds, one patient and one bedside monitor per
// bed, and an admin with an API token for the Socket.IO viewer.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { createScratchPostgresDatabase } from "@/bench/support/scratch-database";
import { env } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { createUserWithToken } from "@/test/support/principals";
import type { BenchDevice } from "./bench-protocol";

export type BenchDatabase = {
  kind: "pglite" | "postgres";
  db: Database;
  /** The PostgreSQL database's URL (null for PGlite). */
  url: string | null;
  devices: BenchDevice[];
  /** The patient each device is on, for the raw-ceiling rows. */
  patientIds: string[];
  wardIds: string[];
  adminToken: string;
  destroy(): Promise<void>;
};

const BEDS_PER_WARD = 32;

async function open(kind: "pglite" | "postgres"): Promise<{ db: Database; url: string | null; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-bench-"));
    const db = await openDatabase({ pgliteDir: dir });
    return { db, url: null, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchPostgresDatabase("iomt_bench");
  return { db: await openDatabase({ url: scratch.url, poolSize: env().DATABASE_POOL_SIZE }), url: scratch.url, drop: scratch.drop };
}

export async function createBenchDatabase(kind: "pglite" | "postgres", deviceCount: number): Promise<BenchDatabase> {
  const { db, url, drop } = await open(kind);
  await migrateDatabase(db.sql);
  const tag = crypto.randomBytes(3).toString("hex");
  const wards = Math.ceil(deviceCount / BEDS_PER_WARD);
  const wardIds = Array.from({ length: wards }, (_, w) => `bench-ward-${tag}-${w}`);
  await db.sql.query(`INSERT INTO wards (id, code, name) SELECT id, id, id FROM unnest($1::text[]) AS t(id)`, [wardIds]);

  const bedIds: string[] = [],
    bedWards: string[] = [],
    bedLabels: string[] = [];
  const patientIds: string[] = [],
    deviceIds: string[] = [],
    hashes: string[] = [];
  const devices: BenchDevice[] = [];
  for (let i = 0; i < deviceCount; i++) {
    bedIds.push(`bench-bed-${tag}-${i}`);
    bedWards.push(wardIds[Math.floor(i / BEDS_PER_WARD)]!);
    bedLabels.push(String((i % BEDS_PER_WARD) + 1));
    patientIds.push(`bench-pat-${tag}-${i}`);
    const id = `mon-b${tag}-${i}`;
    const secret = generateSecret("dsk");
    deviceIds.push(id);
    hashes.push(hashSecret(secret));
    devices.push({ id, secret });
  }
  await db.sql.query(`INSERT INTO beds (id, ward_id, label) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
    bedIds,
    bedWards,
    bedLabels,
  ]);
  await db.sql.query(
    `INSERT INTO patients (id, mrn, given_name, family_name, birth_date, bed_id)
     SELECT p, 'MRN-' || p, 'Bench', 'Patient', DATE '1950-01-01', b FROM unnest($1::text[], $2::text[]) AS t(p, b)`,
    [patientIds, bedIds],
  );
  await db.sql.query(
    `INSERT INTO devices (id, type, secret_hash, patient_id, simulated)
     SELECT d, 'bedside_monitor', h, p, true FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, h, p)`,
    [deviceIds, hashes, patientIds],
  );
  const { token } = await createUserWithToken(db.prisma, "admin");
  return {
    kind,
    db,
    url,
    devices,
    patientIds,
    wardIds,
    adminToken: token,
    async destroy() {
      await db.close();
      await drop();
    },
  };
}
