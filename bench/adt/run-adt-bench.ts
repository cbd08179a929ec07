// `npm run bench:adt`: HL7 v2 ADT messages per second end to end (MLLP frame → parse → apply through the
// ADT services in the database → inbound log → ACK back over MLLP), one PAS connection sending the next
// message when the ACK arrives (as a PAS does), beside two baselines measured in the same run: a bare
// parse (parseAdtMessage alone) and the MLLP round trip with parse and ACK but no database.
// Flags: --messages=N (default 2000), --db=pglite|postgres (postgres needs DATABASE_URL or TEST_DATABASE_URL).
import crypto from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import path from "node:path";
import { Hl7Message } from "@medplum/core";
import { Hl7Client } from "@medplum/hl7";
import { openDatabase } from "@/lib/db/open-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { setDatabase } from "@/lib/db/database";
import { buildAck, generateAdtScenario, measureParseRate, parseAdtMessage, startMllpListener, type MllpListener } from "@/lib/adt";
import { startHl7Listener } from "@/lib/hl7-inbound/start-hl7-listener";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const MESSAGES = Number(arg("messages") ?? 2000);
const DB = arg("db") ?? "pglite";

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function drive(listener: MllpListener, texts: string[]) {
  const client = new Hl7Client({ host: listener.host, port: listener.port, connectTimeout: 5000 });
  const codes: Record<string, number> = {};
  const latencies: number[] = [];
  for (const t of texts.slice(0, 50)) await client.sendAndWait(Hl7Message.parse(t), { timeoutMs: 10_000 }); // warm-up (not counted)
  const start = performance.now();
  for (const t of texts.slice(50)) {
    const t0 = performance.now();
    const ack = await client.sendAndWait(Hl7Message.parse(t), { timeoutMs: 10_000 });
    latencies.push(performance.now() - t0);
    const code = ack.getSegment("MSA")?.getComponent(1, 1) ?? "?";
    codes[code] = (codes[code] ?? 0) + 1;
  }
  const ms = performance.now() - start;
  await client.close();
  latencies.sort((a, b) => a - b);
  return {
    messages: texts.length - 50,
    ms,
    perSecond: ((texts.length - 50) / ms) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    codes,
  };
}

async function main() {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (DB === "postgres" && !url) throw new Error("--db=postgres needs DATABASE_URL or TEST_DATABASE_URL");
  // PostgreSQL: a fresh database beside the given one, dropped at the end.
  const benchDb = `iomt_bench_adt_${crypto.randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  let dbUrl: string | null = null;
  if (DB === "postgres") {
    await admin(`CREATE DATABASE ${benchDb}`);
    const u = new URL(url!);
    u.pathname = `/${benchDb}`;
    dbUrl = u.toString();
  }
  const db = dbUrl ? await openDatabase({ url: dbUrl }) : await openDatabase({ inMemory: true });
  await migrateDatabase(db.sql);
  setDatabase(db);
  const tag = `B${Date.now().toString(36).toUpperCase()}`;
  const wards = Array.from({ length: 4 }, (_, w) => ({
    code: `${tag}${w}`,
    beds: Array.from({ length: 150 }, (_, b) => ({ room: `R${b}`, label: String(b + 1) })),
  }));
  for (const w of wards)
    await db.prisma.ward.create({
      data: { code: w.code, name: `Bench ${w.code}`, beds: { create: w.beds.map((b) => ({ label: b.label, room: b.room })) } },
    });
  const scenario = generateAdtScenario({
    wards,
    start: new Date(Date.now() - 48 * 3_600_000),
    hours: 47,
    messages: MESSAGES + 50,
    seed: 7,
    controlIdPrefix: tag,
  });
  const texts = scenario.map((m) => m.text);
  console.log(
    `bench:adt — ${texts.length} ADT messages (${[...new Set(scenario.map((m) => m.event))].sort().join(", ")}) over 600 beds on ${db.sql.kind}\n`,
  );

  const parse = measureParseRate(texts, 2000);
  const bare = await startMllpListener({
    port: 0,
    onMessage: async (text) => {
      const r = parseAdtMessage(text);
      return r.ok
        ? buildAck(text, { code: "AA" })
        : buildAck(text, { code: r.refusal.ack, errors: r.refusal.errors, text: r.refusal.text });
    },
  });
  const mllp = await drive(bare, texts);
  await bare.close();
  const listener = await startHl7Listener({ port: 0, log: () => undefined });
  const e2e = await drive(listener, texts);
  await listener.close();
  const logged = await db.prisma.hl7InboundMessage.count();
  const encounters = await db.prisma.encounter.count();

  const rows = [
    ["bare parse (parseAdtMessage)", parse.perSecond, null, null],
    ["MLLP round trip: parse + ACK, no database", mllp.perSecond, mllp.p50Ms, mllp.p99Ms],
    [`end to end: parse, apply, log, ACK (${db.sql.kind})`, e2e.perSecond, e2e.p50Ms, e2e.p99Ms],
  ] as const;
  console.log("path                                          | msgs/s   | p50 ms | p99 ms");
  console.log("----------------------------------------------|----------|--------|-------");
  for (const [name, rate, p50, p99] of rows)
    console.log(
      `${name.padEnd(46)}| ${rate.toFixed(0).padStart(8)} | ${p50 === null ? "     —" : p50.toFixed(2).padStart(6)} | ${p99 === null ? "    —" : p99.toFixed(2).padStart(6)}`,
    );
  console.log(
    `\nend to end = ${(e2e.perSecond / parse.perSecond).toFixed(3)} × bare parse, ${(e2e.perSecond / mllp.perSecond).toFixed(3)} × MLLP round trip`,
  );
  console.log(`ACKs end to end: ${JSON.stringify(e2e.codes)}; inbound log rows ${logged}; encounters ${encounters}`);
  const out = {
    at: new Date().toISOString(),
    database: db.sql.kind,
    messages: e2e.messages,
    parse,
    mllp,
    endToEnd: e2e,
    logged,
    encounters,
  };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(path.join("bench-results", "adt.json"), JSON.stringify(out, null, 2));
  await db.close();
  if (dbUrl) await admin(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  },
);
