// One /alerts page load, through the real functions the page and the live queue call: one statement
// reads the alerts (the queue's list and the nav count's together), the read is audited as one row
// naming its patients, the nav count runs no query of its own, and the catch-up after the socket joins asks only
// for what changed since the snapshot (auditing only the patients of what changed).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAlertChanges } from "@/components/alerts/load-alert-changes";
import { NavAlerts } from "@/components/alerts/nav-alerts";
import { DEFAULT_QUEUE_FILTER } from "@/components/alerts/queue-filter";
import { acknowledgeAlert } from "@/lib/alerts/alert-actions";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { alertPageFixture, META } from "@/test/support/alert-page-fixture";
import { ALERT_READS, countingDatabase } from "@/test/support/counting-database";
import { loadQueue } from "./load-queue";

describe.each(testDatabaseKinds)("one alert queue load on %s", (kind) => {
  let db: TestDatabase;
  let reads: ReturnType<typeof countingDatabase>;
  let f: Awaited<ReturnType<typeof alertPageFixture>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    reads = countingDatabase(db, ALERT_READS);
    setDatabase(reads.database);
    f = await alertPageFixture(db);
    ids.a = await f.raise("heart_rate.high", "medium", f.ward.patients[0]!, f.ward.ward.id);
    ids.b = await f.raise("spo2.desat", "high", f.ward.patients[1]!, f.ward.ward.id);
    ids.other = await f.raise("resp_rate.high", "medium", f.other.patients[0]!, f.other.ward.id);
  });
  afterAll(async () => db?.destroy());

  it("runs one alert query for the list and the nav count, and audits the listed patients in one row", async () => {
    reads.reset();
    const before = (await f.alertReads()).length;
    const queue = await loadQueue(f.nurse, META, { ...DEFAULT_QUEUE_FILTER, wardId: f.ward.ward.id }, [f.ward.ward.id, f.other.ward.id]);
    expect(reads.count()).toBe(1);
    expect(queue.alerts.map((a) => a.id)).toEqual([ids.b, ids.a]);
    // The nav counts the other ward too: its marks came with the same statement.
    expect(new Set(queue.nav.marks.map((m) => m.id))).toEqual(new Set([ids.a, ids.b, ids.other]));
    const rows = (await f.alertReads()).slice(before);
    expect(rows).toHaveLength(1);
    expect((rows[0]!.detail as { patientIds: string[] }).patientIds).toEqual([f.ward.patients[0]!.id, f.ward.patients[1]!.id].sort());

    // The nav rendered with the page's data asks nothing more.
    reads.reset();
    await NavAlerts({ principal: f.nurse, current: true, shared: queue.nav });
    expect(reads.count()).toBe(0);
  });

  it("catches up with what changed since the snapshot only, auditing only the patients of what changed", async () => {
    const queue = await loadQueue(f.nurse, META, DEFAULT_QUEUE_FILTER, [f.ward.ward.id, f.other.ward.id]);
    const before = (await f.alertReads()).length;

    // Right after the socket joined, nothing changed: an empty answer and no audit row.
    reads.reset();
    const quiet = await loadAlertChanges(f.nurse, META, { since: queue.cursor, feed: queue.feed });
    expect(reads.count()).toBe(1);
    expect(quiet).toMatchObject({ alerts: [], marks: [], truncated: false });
    expect((await f.alertReads()).length).toBe(before);

    // Meanwhile: one alarm raised, one acknowledged elsewhere. Both come back, in their new state.
    const raised = await f.raise("bp_sys.low", "medium", f.ward.patients[2]!, f.ward.ward.id, 0);
    await acknowledgeAlert(f.nurse, ids.other!, { meta: META });
    reads.reset();
    const changes = await loadAlertChanges(f.nurse, META, { since: quiet.cursor, feed: queue.feed });
    expect(reads.count()).toBe(1);
    expect(changes.alerts.map((a) => [a.id, a.state]).sort()).toEqual(
      [
        [ids.other, "acknowledged"],
        [raised, "active"],
      ].sort(),
    );
    expect(changes.marks.map((m) => m.id).sort()).toEqual([ids.other, raised].sort());
    const rows = (await f.alertReads()).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toMatchObject({ via: "queue.catch-up", patientIds: [f.other.patients[0]!.id, f.ward.patients[2]!.id].sort() });

    // And the next catch-up starts after them.
    const again = await loadAlertChanges(f.nurse, META, { since: changes.cursor, feed: queue.feed });
    expect(again.alerts).toEqual([]);
  });

  it("catches an alarm stored after the snapshot even when its time is older (a write retried after an outage)", async () => {
    const queue = await loadQueue(f.nurse, META, DEFAULT_QUEUE_FILTER, [f.ward.ward.id]);
    const late = await f.raise("temp.high", "low", f.ward.patients[0]!, f.ward.ward.id, 10 * 60_000);
    const changes = await loadAlertChanges(f.nurse, META, { since: queue.cursor, feed: queue.feed });
    expect(changes.alerts.map((a) => a.id)).toEqual([late]);
  });

  // Only PostgreSQL has concurrent transactions (PGlite runs one at a time), so only there is the case defined.
  if (kind === "postgres")
    it("catches a change whose transaction was still open when the snapshot was taken", async () => {
      // A change whose trail id was taken before the snapshot, committed after it (while a later entry
      // committed before it): the snapshot cannot see it, the cursor lists its id as pending.
      const id = crypto.randomUUID();
      const patient = f.ward.patients[1]!;
      let queue: Awaited<ReturnType<typeof loadQueue>> | null = null;
      await db.sql.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO alerts (id, open_key, rule, priority, patient_id, ward_id, message) VALUES ($1, $2, 'glucose.low', 'medium', $3, $4, 'glucose low')`,
          [id, `glucose.low:${patient.id}`, patient.id, f.ward.ward.id],
        );
        await tx.query(`INSERT INTO alert_events (alert_id, at, type) VALUES ($1, now(), 'raised')`, [id]);
        await f.raise("resp_rate.low", "medium", patient, f.ward.ward.id, 0);
        queue = await loadQueue(f.nurse, META, DEFAULT_QUEUE_FILTER, [f.ward.ward.id]);
      });
      expect(queue!.alerts.map((a) => a.id)).not.toContain(id);
      expect(queue!.cursor.pending.length).toBeGreaterThan(0);
      const changes = await loadAlertChanges(f.nurse, META, { since: queue!.cursor, feed: queue!.feed });
      expect(changes.alerts.map((a) => a.id)).toContain(id);
    });

  it("a resolved alert leaves the filtered list through the catch-up (it comes back resolved)", async () => {
    const queue = await loadQueue(f.nurse, META, DEFAULT_QUEUE_FILTER, [f.ward.ward.id]);
    await db.sql.query(`UPDATE alerts SET state = 'resolved', resolved_at = now(), open_key = NULL WHERE id = $1`, [ids.a]);
    await db.sql.query(`INSERT INTO alert_events (alert_id, at, type) VALUES ($1, now(), 'resolved')`, [ids.a]);
    const changes = await loadAlertChanges(f.nurse, META, { since: queue.cursor, feed: queue.feed });
    expect(changes.alerts.map((a) => [a.id, a.state])).toEqual([[ids.a, "resolved"]]);
  });

  it("a page without alerts of its own: the nav count's light query reads once and audits nothing", async () => {
    const before = (await f.alertReads()).length;
    reads.reset();
    const nav = await NavAlerts({ principal: f.nurse, current: false });
    expect(reads.count()).toBe(1);
    expect(nav).toBeTruthy();
    const cursor = { at: new Date(Date.now() - 60_000).toISOString(), eventId: "0", pending: [] };
    const changes = await loadAlertChanges(f.nurse, META, { since: cursor, feed: { view: "nav" } });
    expect(changes.alerts).toEqual([]);
    expect(changes.marks.length).toBeGreaterThan(0);
    expect((await f.alertReads()).length).toBe(before);
  });
});
