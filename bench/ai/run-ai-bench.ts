// bench:ai — the governance overhead of one AI call: resolve the prompt's production version and its data
// parameters in the caller's scope, de-identify, render, count tokens, reserve against three budgets in one
// transaction with the call's log row, settle, audit. Model time is excluded: each governed call's total
// time minus the model call's own latency (SDK + HTTP + the demo model, as logged). The model is the
// built-in demo model behind a local HTTP server; the baseline in the same run is a bare SDK call to the
// same server with the same messages. 20 concurrent callers; PGlite by default, PostgreSQL with
// BENCH_DATABASE_URL (a fresh database is created beside it). Goal: p99 overhead ≤ 15 ms.
//   npm run bench:ai [-- --calls 1000 --concurrency 20]
import "server-only";
import { parseArgs } from "node:util";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase } from "@/test/support/test-database";
import { createAiFixture } from "@/test/support/ai-fixture";
import { createModelClient } from "@/lib/ai/model/model-client";
import { callModel, type ModelMessage } from "@/lib/ai/model/call-model";
import { setModelRuntime } from "@/lib/ai/runtime/model-runtime";
import { previewVersion, runHandover, setBudget, setPrice } from "@/lib/ai/service";
import { LatencySamples, type LatencySummary } from "@/bench/ingest/bench-stats";
import { startDemoModelServer } from "./demo-model-server";
import { stageBreakdown } from "./stage-breakdown";

const { values: flags } = parseArgs({
  options: { calls: { type: "string", default: "1000" }, concurrency: { type: "string", default: "20" } },
});
const CALLS = Number(flags.calls);
const CONCURRENCY = Number(flags.concurrency);

async function pool(total: number, concurrency: number, task: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await task();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

function line(label: string, s: LatencySummary, rate?: number): string {
  const f = (v: number | null) => (v === null ? "-" : v.toFixed(2).padStart(8));
  const perSec = rate === undefined ? "" : `  ${rate.toFixed(0).padStart(6)} calls/s`;
  return `${label.padEnd(48)} p50 ${f(s.p50)} ms  p99 ${f(s.p99)} ms  max ${f(s.max)} ms${perSec}`;
}

async function overheadOf(db: Awaited<ReturnType<typeof createTestDatabase>>, totals: Map<string, number>) {
  const rows = await db.sql.query<{ id: string; latency_ms: number; status: string }>(
    `SELECT id, latency_ms, status FROM ai_calls WHERE id = ANY($1::text[])`,
    [[...totals.keys()]],
  );
  const total = new LatencySamples();
  const overhead = new LatencySamples();
  for (const r of rows) {
    const t = totals.get(r.id) ?? 0;
    total.add(t);
    overhead.add(Math.max(0, t - Number(r.latency_ms)));
  }
  return { total, overhead, ok: rows.filter((r) => r.status === "ok").length };
}

async function main() {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const kind = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
  const db = await createTestDatabase(kind);
  setDatabase(db);
  const model = await startDemoModelServer();
  const client = createModelClient({ baseURL: model.baseURL, timeoutMs: 60_000, maxRetries: 0 });
  setModelRuntime({ client, modelOverride: "demo-template" });
  const f = await createAiFixture(db);
  const admin = { principal: f.users.admin.principal };
  const nurse = { principal: f.users.nurse4e.principal };
  const from = new Date(Date.now() - 60_000);
  await setPrice(admin, { model: "demo-template", inputPerM: 0.15, cachedInputPerM: 0.075, outputPerM: 0.6, effectiveFrom: from });
  for (const scope of ["global", "feature:handover-summary", `user:${nurse.principal.userId}`]) {
    await setBudget(admin, { scope, period: "day", softUsd: 900, hardUsd: 1000 });
  }
  const preview = await previewVersion(admin, "handover-summary", 1, { patientId: f.patient4e });
  const messages = preview.messages as ModelMessage[];
  const bareCall = () => callModel(client, { model: "demo-template", messages, maxTokens: preview.maxTokens });

  console.log(
    `bench:ai on ${kind}: ${CALLS} calls, ${CONCURRENCY} concurrent callers; handover summary ` +
      `(4 parameters, ${preview.inputTokens} input tokens, max ${preview.maxTokens} out)`,
  );
  console.log(`model: the built-in demo model behind ${model.baseURL} (local HTTP); budgets: global, feature and user, per day\n`);

  for (let i = 0; i < 30; i++) await runHandover(nurse, f.patient4e); // warm-up: JIT, pool, caches
  for (let i = 0; i < 30; i++) await bareCall();

  const bare = new LatencySamples();
  const bareSeconds = await pool(CALLS, CONCURRENCY, async () => {
    const t0 = performance.now();
    await bareCall();
    bare.add(performance.now() - t0);
  });

  const concurrent = new Map<string, number>();
  const governedSeconds = await pool(CALLS, CONCURRENCY, async () => {
    const t0 = performance.now();
    const r = await runHandover(nurse, f.patient4e);
    concurrent.set(r.callId, performance.now() - t0);
  });
  const c = await overheadOf(db, concurrent);

  const serial = new Map<string, number>();
  await pool(Math.min(200, CALLS), 1, async () => {
    const t0 = performance.now();
    const r = await runHandover(nurse, f.patient4e);
    serial.set(r.callId, performance.now() - t0);
  });
  const s = await overheadOf(db, serial);

  console.log(line(`baseline: bare SDK call, ${CONCURRENCY} concurrent`, bare.summary(), CALLS / bareSeconds));
  console.log(line(`governed call, total, ${CONCURRENCY} concurrent`, c.total.summary(), CALLS / governedSeconds));
  console.log(line(`governance overhead (model time excluded), ${CONCURRENCY} conc.`, c.overhead.summary()));
  console.log(line(`governance overhead, one caller at a time`, s.overhead.summary()));
  console.log("\none caller, by stage:");
  for (const [stage, summary] of Object.entries(await stageBreakdown(db, nurse.principal, f.patient4e, Math.min(100, CALLS)))) {
    console.log(line(`  ${stage}`, summary));
  }
  const p99 = c.overhead.summary().p99 ?? Infinity;
  console.log(
    `\ngoal p99 overhead <= 15 ms with ${CONCURRENCY} concurrent callers: ${p99 <= 15 ? "met" : "NOT met"} (${p99.toFixed(2)} ms)`,
  );
  console.log(`calls logged ok: ${c.ok} of ${CALLS}`);
  await model.close();
  await db.destroy();
  process.exit(0);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
