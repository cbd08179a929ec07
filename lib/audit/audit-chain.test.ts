import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { runCliCommand } from "@/lib/cli/commands";
import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./audit-chain";

describe.each(testDatabaseKinds)("audit hash chain on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    // A row written before the chain existed: counted, not judged.
    await db.sql.query(`INSERT INTO audit_events (action, actor_email) VALUES ('legacy', 'old@x')`);
  });
  afterAll(async () => db?.destroy());

  const ids = async () =>
    (await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY audit_events.id`)).map((r) => r.id);

  it("chains rows written concurrently, detail key order and all, and verifies clean", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit([
          { actor: { email: `u${i}@x` }, action: "patient.read", patientId: `p${i}`, detail: { z: 1, a: { y: [1, 2], b: "ü" } } },
          { actor: null, action: "login.failed", meta: { ip: "10.0.0.1", userAgent: "ua" } },
        ]),
      ),
    );
    expect(await verifyAuditChain(db.sql)).toEqual({ ok: true, checked: 40, unchained: 1, firstBroken: null });
    const out = await runCliCommand(["audit", "verify"]);
    expect(out.text).toMatch(/^Audit chain intact: 40 rows checked/);
  });

  it("names the first altered row, and the row after a deleted one", async () => {
    const all = await ids();
    const victim = all[10]!;
    await db.sql.query(`UPDATE audit_events SET patient_id = 'someone-else' WHERE id = $1`, [victim]);
    expect((await verifyAuditChain(db.sql)).firstBroken).toEqual({
      id: victim,
      reason: "its content was altered (the hash does not match)",
    });
    await expect(runCliCommand(["audit", "verify"])).rejects.toThrow(`first broken link at audit event ${victim}: its content was altered`);

    await db.sql.query(`DELETE FROM audit_events WHERE id = $1`, [victim]);
    const next = all[11]!;
    expect((await verifyAuditChain(db.sql)).firstBroken).toEqual({
      id: next,
      reason: "the row before it was deleted or altered (its prev_hash does not match that row's hash)",
    });
  });
});
