// A call is settled after its caller has the answer: readers in this process (the call log, spend,
// budgets, feedback) wait for the settlements in flight, a failing settlement is logged and leaves the
// call pending for the sweep, and stopping the AI layer lets them land before the database closes.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createAiFixture, type AiFixture } from "@/test/support/ai-fixture";
import { listBudgets, listCalls, setBudget } from "@/lib/ai/service";
import { usdToNano } from "@/lib/ai/costs/money";
import { reserveAndLog } from "./reserve";
import { settleCall } from "./settle";
import { settleInBackground, settlementsLanded } from "./settlements";

function deferred() {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return { gate, open };
}

describe("settlements in flight", () => {
  it("settlementsLanded waits for every settlement started, including one started while waiting", async () => {
    const first = deferred();
    const second = deferred();
    const landed: string[] = [];
    settleInBackground(first.gate.then(() => void landed.push("first")));
    let done = false;
    const waiting = settlementsLanded().then(() => (done = true));
    settleInBackground(second.gate.then(() => void landed.push("second")));
    first.open();
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    second.open();
    await waiting;
    expect(landed).toEqual(["first", "second"]);
  });

  it("logs a failed settlement instead of throwing it at anyone", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    settleInBackground(Promise.reject(new Error("connection lost")));
    await settlementsLanded();
    expect(log).toHaveBeenCalledWith(expect.stringContaining("settling a call failed (the sweep releases it): connection lost"));
    log.mockRestore();
  });
});

describe.each(testDatabaseKinds)("reading your own settlements on %s", (kind) => {
  let db: TestDatabase;
  let f: AiFixture;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    f = await createAiFixture(db);
  }, 180_000);
  afterAll(async () => db?.destroy());

  it("the call log and the budgets show a call settled, even when asked while its settlement is in flight", async () => {
    const admin = { principal: f.users.admin.principal };
    await setBudget(admin, { scope: "feature:ward-brief", period: "day", hardUsd: 5 });
    const id = crypto.randomUUID();
    const reserved = await reserveAndLog(
      db.sql,
      {
        id,
        at: new Date(),
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
      },
      usdToNano(1),
    );
    expect(reserved).toEqual({ ok: true });
    const gate = deferred();
    const outcome = {
      status: "ok" as const,
      model: "gpt-4o-mini",
      inputTokens: 100,
      cachedTokens: 0,
      outputTokens: 20,
      costNusd: usdToNano(0.25),
      latencyMs: 400,
      error: null,
      content: null,
      contentExpiresAt: null,
    };
    settleInBackground(gate.gate.then(async () => void (await settleCall(db.sql, id, outcome))));
    const [calls, budgets] = [listCalls(admin, { feature: "ward-brief" }), listBudgets(admin)];
    // The settlement lands after the readers asked (a reader that did not wait would see it pending).
    setTimeout(gate.open, 50);
    const call = (await calls).find((c) => c.id === id);
    expect(call).toMatchObject({ status: "ok", costUsd: 0.25 });
    const budget = (await budgets).find((b) => b.scope === "feature:ward-brief");
    expect(budget).toMatchObject({ spentUsd: 0.25, reservedUsd: 0 });
  });
});
