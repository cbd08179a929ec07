import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EscalationScheduler } from "./escalation-scheduler";

const T0 = Date.parse("2026-11-23T18:00:00.000Z");

/** A fake schedule: alerts due at given times, each escalated once when due. */
function fakeSchedule(dueTimes: number[]) {
  const pending = [...dueTimes];
  const ran: number[] = [];
  return {
    ran,
    add: (t: number) => pending.push(t),
    deps: {
      runDue: async (now: Date) => {
        const due = pending.filter((t) => t <= now.getTime());
        for (const t of due) pending.splice(pending.indexOf(t), 1);
        if (due.length) ran.push(now.getTime());
        return due.length;
      },
      nextDueAt: async () => (pending.length ? new Date(Math.min(...pending)) : null),
    },
  };
}

describe("escalation scheduler (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it("fires at each alert's escalation time, not before", async () => {
    const s = fakeSchedule([T0 + 60_000, T0 + 180_000]);
    const scheduler = new EscalationScheduler(s.deps);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(s.ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.ran).toEqual([T0 + 60_000]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.ran).toEqual([T0 + 60_000, T0 + 180_000]);
    await scheduler.stop();
  });

  it("wakes early when a new alert is due sooner than its next wake-up (poke)", async () => {
    const s = fakeSchedule([]);
    const scheduler = new EscalationScheduler({ ...s.deps, maxSleepMs: 3_600_000 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    s.add(T0 + 61_000);
    scheduler.poke(new Date(T0 + 61_000));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.ran).toEqual([T0 + 61_000]);
    await scheduler.stop();
  });

  it("picks up work it was not told about within maxSleepMs (another process, a restart)", async () => {
    const s = fakeSchedule([]);
    const scheduler = new EscalationScheduler({ ...s.deps, maxSleepMs: 30_000 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    s.add(T0 + 5_000); // already overdue when it is next checked
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.ran).toEqual([T0 + 30_000]); // the first round slept at most 30 s
    await scheduler.stop();
  });

  it("retries after a failed round and stops cleanly", async () => {
    let calls = 0;
    const scheduler = new EscalationScheduler({
      runDue: async () => {
        calls++;
        if (calls === 1) throw new Error("database unavailable");
        return 0;
      },
      nextDueAt: async () => null,
      retryMs: 5_000,
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(2);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toBe(2);
    errors.mockRestore();
  });
});
