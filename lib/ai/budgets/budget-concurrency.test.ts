// Budgets are exact under concurrency: 50 calls at once against a budget that fits 10 → exactly 10
// answered, 40 refused (429, logged blocked_budget), the settled total never above the hard limit and
// nothing left reserved. Admins are told once when the soft threshold is reached. A reservation left by a
// crash (a call row still pending) is released at the next start.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createAiFixture, type AiFixture } from "@/test/support/ai-fixture";
import { createModelClient } from "@/lib/ai/model/model-client";
import { setModelRuntime } from "@/lib/ai/runtime/model-runtime";
import { previewVersion, setBudget, setPrice } from "@/lib/ai/service";
import { nanoToUsd, usdToNano } from "@/lib/ai/costs/money";
import { reserveAndLog } from "./reserve";
import { INTERRUPTED, releaseStaleReservations } from "./settle";
import { settlementsLanded } from "./settlements";
import { SOFT_THRESHOLD_RULE } from "./soft-notify";
import { POST as handover } from "@/app/api/v1/patients/[id]/ai/handover/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const sum = (rows: { costNusd: bigint }[]) => rows.reduce((s, r) => s + Number(r.costNusd), 0);

describe.each(testDatabaseKinds)("budgets on %s", (kind) => {
  let db: TestDatabase;
  let f: AiFixture;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    // The demo model counts prompt tokens with the same counter as the reservation; with output priced at 0
    // the settled cost of each call equals its reservation exactly, so "fits 10" means exactly 10.
    setModelRuntime({ client: createModelClient({ timeoutMs: 10_000, maxRetries: 0 }), modelOverride: null });
    f = await createAiFixture(db);
    const admin = { principal: f.users.admin.principal };
    await setPrice(admin, {
      model: "demo-template",
      inputPerM: 1000,
      cachedInputPerM: 500,
      outputPerM: 0,
      effectiveFrom: new Date(Date.now() - 60_000),
    });
  }, 180_000);
  afterAll(async () => db?.destroy());

  it("lets exactly 10 of 50 concurrent calls through a budget that fits 10; the rest are 429 and logged", async () => {
    const admin = { principal: f.users.admin.principal };
    const one = usdToNano((await previewVersion(admin, "handover-summary", 1, { patientId: f.patient4e })).reservationUsd);
    const hard = one * 10 + Math.floor(one / 2);
    await setBudget(admin, { scope: "global", period: "day", softUsd: nanoToUsd(one * 5), hardUsd: nanoToUsd(hard) });

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        (handover as Handler)(
          new NextRequest("http://x/api", { method: "POST", headers: { authorization: `Bearer ${f.users.nurse4e.token}` } }),
          {
            params: Promise.resolve({ id: f.patient4e }),
          },
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const refused = responses.find((r) => r.status === 429);
    const error = ((await refused?.json()) as { error: string }).error;
    expect(error).toMatch(/^AI budget global\/day exhausted until \d{4}-\d\d-\d\dT00:00:00\.000Z$/);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);

    await settlementsLanded();
    const ok = await db.prisma.aiCall.findMany({ where: { status: "ok" } });
    expect(ok).toHaveLength(10);
    expect(await db.prisma.aiCall.count({ where: { status: "blocked_budget" } })).toBe(40);
    expect(sum(ok)).toBeLessThanOrEqual(hard);
    const [usage] = await db.prisma.aiBudgetUsage.findMany();
    expect(Number(usage?.spentNusd)).toBe(sum(ok));
    expect(Number(usage?.spentNusd)).toBeLessThanOrEqual(hard);
    expect(Number(usage?.reservedNusd)).toBe(0);
    expect(await db.prisma.aiReservation.count()).toBe(0);

    // Soft threshold (5 calls' worth) reached: one notification for the period, to the admins.
    const notices = await db.prisma.alert.findMany({ where: { rule: SOFT_THRESHOLD_RULE } });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain("AI budget global/day reached its soft threshold");
    const notified = await db.prisma.alertEvent.findFirst({ where: { alertId: notices[0]?.id, type: "notified" } });
    const recipients = (notified?.detail as { recipients: { id: string }[] }).recipients.map((r) => r.id).sort();
    expect(recipients).toEqual([f.users.admin.principal.userId, f.users.admin2.principal.userId].sort());
    await db.prisma.aiBudget.deleteMany();
  }, 120_000);

  it("releases at the next start what a call left reserved when the app stopped mid-call", async () => {
    const admin = { principal: f.users.admin.principal };
    await setBudget(admin, { scope: "feature:ward-brief", period: "month", hardUsd: 1 });
    const at = new Date();
    const id = crypto.randomUUID();
    const call = {
      id,
      at,
      feature: "ward-brief",
      promptName: "ward-brief",
      promptVersion: 1,
      model: "gpt-4o-mini",
      demo: false,
      userId: f.users.nurse4e.principal.userId,
      patientId: null,
      subject: `ward:${f.ward4e}`,
      parameters: [],
      redactions: {},
      inputTokens: 100,
    };
    expect(await reserveAndLog(db.sql, call, usdToNano(0.6))).toEqual({ ok: true });
    // A second call does not fit while the first holds its reservation...
    const second = await reserveAndLog(db.sql, { ...call, id: crypto.randomUUID() }, usdToNano(0.6));
    expect(second).toMatchObject({ ok: false, scope: "feature:ward-brief", period: "month" });
    // ...the process dies here; at the next start the reservation is released and the call marked.
    expect(await releaseStaleReservations(db.sql, new Date(at.getTime() + 1))).toBe(1);
    const row = await db.prisma.aiCall.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "error", error: INTERRUPTED });
    const usage = await db.prisma.aiBudgetUsage.findFirstOrThrow({ where: { budget: { scope: "feature:ward-brief" } } });
    expect(Number(usage.reservedNusd)).toBe(0);
    expect(await db.prisma.aiReservation.count()).toBe(0);
    expect(await reserveAndLog(db.sql, { ...call, id: crypto.randomUUID() }, usdToNano(0.6))).toEqual({ ok: true });
    await db.prisma.aiBudget.deleteMany();
  });

  it("charges no budget when a later one does not fit: what the earlier ones were charged is taken back", async () => {
    const admin = { principal: f.users.admin.principal };
    const userId = f.users.nurse4eStaff.principal.userId;
    // Three budgets apply, charged in id (here creation) order: global and feature first, then the user's
    // monthly one, which cannot take the call, so the first two must be given back.
    await setBudget(admin, { scope: "global", period: "day", hardUsd: 100 });
    await setBudget(admin, { scope: "feature:handover-summary", period: "month", hardUsd: 100 });
    await setBudget(admin, { scope: `user:${userId}`, period: "month", hardUsd: 0.5 });
    const call = {
      id: crypto.randomUUID(),
      at: new Date(),
      feature: "handover-summary",
      promptName: "handover-summary",
      promptVersion: 1,
      model: "gpt-4o-mini",
      demo: false,
      userId,
      patientId: f.patient4e,
      subject: `patient:${f.patient4e}`,
      parameters: [],
      redactions: {},
      inputTokens: 100,
    };
    expect(await reserveAndLog(db.sql, call, usdToNano(0.4))).toEqual({ ok: true });
    const refused = await reserveAndLog(db.sql, { ...call, id: crypto.randomUUID() }, usdToNano(0.4));
    expect(refused).toMatchObject({ ok: false, scope: `user:${userId}`, period: "month" });
    const usage = await db.prisma.aiBudgetUsage.findMany({ include: { budget: true } });
    expect(usage.map((u) => [u.budget.scope, Number(u.reservedNusd)]).sort()).toEqual(
      [
        ["global", usdToNano(0.4)],
        ["feature:handover-summary", usdToNano(0.4)],
        [`user:${userId}`, usdToNano(0.4)],
      ].sort(),
    );
    expect(await db.prisma.aiReservation.count({ where: { callId: call.id } })).toBe(3);
    expect(await db.prisma.aiCall.count({ where: { status: "blocked_budget", userId } })).toBe(1);
  });
});
