// One ward page load, through the real functions the page and the live grid call: one statement reads
// the alerts (the ward's open ones and the nav count's), the ward view is audited once, naming every patient in a
// bed (no second audit for the alerts), and the catch-up after the socket joins brings only what changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAlertChanges } from "@/components/alerts/load-alert-changes";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { alertPageFixture, META } from "@/test/support/alert-page-fixture";
import { ALERT_READS, countingDatabase } from "@/test/support/counting-database";
import { loadWard } from "./load-ward";

describe.each(testDatabaseKinds)("one ward page load on %s", (kind) => {
  let db: TestDatabase;
  let reads: ReturnType<typeof countingDatabase>;
  let f: Awaited<ReturnType<typeof alertPageFixture>>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    reads = countingDatabase(db, ALERT_READS);
    setDatabase(reads.database);
    f = await alertPageFixture(db);
  });
  afterAll(async () => db?.destroy());

  it("reads the alerts once, audits each patient once, and catches up with the changes only", async () => {
    const onWard = await f.raise("heart_rate.high", "medium", f.ward.patients[0]!, f.ward.ward.id);
    const elsewhere = await f.raise("spo2.desat", "high", f.other.patients[0]!, f.other.ward.id);
    const audits = () => db.prisma.auditEvent.findMany({ where: { actorUserId: f.nurse.userId }, orderBy: { id: "asc" } });

    reads.reset();
    const ward = await loadWard(f.nurse, META, f.ward.ward.id);
    expect(reads.count()).toBe(1);
    expect(ward!.alerts.map((a) => a.id)).toEqual([onWard]);
    expect(ward!.nav.marks.map((m) => m.id).sort()).toEqual([onWard, elsewhere].sort());
    const rows = await audits();
    expect(rows.map((r) => r.action)).toEqual(["ward.view"]);
    expect((rows[0]!.detail as { patientIds: string[] }).patientIds).toEqual(f.ward.patients.map((p) => p.id).sort());

    reads.reset();
    const quiet = await loadAlertChanges(f.nurse, META, { since: ward!.cursor, feed: ward!.feed });
    expect(reads.count()).toBe(1);
    expect(quiet.alerts).toEqual([]);
    expect(await audits()).toHaveLength(1);

    // An alarm raised between the server render and the join, and one on the other ward: the grid gets
    // its own, the nav count both.
    const raised = await f.raise("bp_sys.low", "medium", f.ward.patients[1]!, f.ward.ward.id, 0);
    const otherRaised = await f.raise("bp_sys.low", "medium", f.other.patients[0]!, f.other.ward.id, 0);
    const changes = await loadAlertChanges(f.nurse, META, { since: quiet.cursor, feed: ward!.feed });
    expect(changes.alerts.map((a) => a.id)).toEqual([raised]);
    expect(changes.marks.map((m) => m.id).sort()).toEqual([raised, otherRaised].sort());
    const after = (await audits()).slice(1);
    expect(after.map((r) => [r.action, r.patientId])).toEqual([["alerts.read", f.ward.patients[1]!.id]]);
  });

  it("a ward that does not exist loads nothing", async () => {
    expect(await loadWard({ ...f.nurse, role: "admin" }, META, "no-such-ward")).toBeNull();
  });
});
