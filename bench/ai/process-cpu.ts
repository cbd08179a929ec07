// bench:ai: the CPU a governed call costs on the whole machine, split by process: the app (this process,
// every thread), its PostgreSQL backends (the connections open on the bench database) and the model's
// process; and how long each waited for a core while runnable (the scheduler's run-queue time, where a
// two-core machine's tail latency is spent). Read from /proc (Linux); a process that cannot be read (gone)
// counts nothing.
import fs from "node:fs";
import type { Database } from "@/lib/db/database";

/** User + system CPU of `pids` in ms, from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone or not readable: counts nothing
    }
  }
  return ticks * 10;
}

/** One thread's time runnable but waiting for a core, in ms (schedstat field 2, ns); 0 if unreadable. */
function threadWaitMs(pid: number, tid: number | string): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[1] ?? 0) / 1e6;
  } catch {
    return 0; // gone, or a kernel without scheduler statistics
  }
}

/** The same summed over every thread of `pids`. */
function waitMsOf(pids: readonly number[]): number {
  let ms = 0;
  for (const pid of pids) {
    let tids: string[] = [];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      // gone: counts nothing
    }
    for (const tid of tids) ms += threadWaitMs(pid, tid);
  }
  return ms;
}

export type CpuSplit = {
  appMs: number;
  databaseMs: number | null;
  modelMs: number;
  databaseBackends: number;
  /** Run-queue waits per call: the app's main thread, all its threads, the backends, the model's process. */
  wait: { mainMs: number; appMs: number; databaseMs: number | null; modelMs: number };
};

/** Starts measuring; `stop(calls)` gives each process's CPU per call since. PGlite's work is the app's own. */
export async function measureCpu(db: Database, modelPid: number) {
  const backends =
    db.sql.kind === "postgres"
      ? (
          await db.sql.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
          )
        ).map((r) => r.pid)
      : [];
  const app0 = process.cpuUsage();
  const db0 = cpuMsOf(backends);
  const model0 = cpuMsOf([modelPid]);
  const waited = () => ({
    main: threadWaitMs(process.pid, process.pid),
    app: waitMsOf([process.pid]),
    database: waitMsOf(backends),
    model: waitMsOf([modelPid]),
  });
  const wait0 = waited();
  return {
    stop(calls: number): CpuSplit {
      const app = process.cpuUsage(app0);
      const wait1 = waited();
      return {
        appMs: (app.user + app.system) / 1000 / calls,
        databaseMs: db.sql.kind === "postgres" ? (cpuMsOf(backends) - db0) / calls : null,
        modelMs: (cpuMsOf([modelPid]) - model0) / calls,
        databaseBackends: backends.length,
        wait: {
          mainMs: (wait1.main - wait0.main) / calls,
          appMs: (wait1.app - wait0.app) / calls,
          databaseMs: db.sql.kind === "postgres" ? (wait1.database - wait0.database) / calls : null,
          modelMs: (wait1.model - wait0.model) / calls,
        },
      };
    },
  };
}

export function describeCpu(s: CpuSplit): string {
  const database = s.databaseMs === null ? "in the app (PGlite)" : `${s.databaseMs.toFixed(2)} ms (${s.databaseBackends} backends)`;
  const total = s.appMs + (s.databaseMs ?? 0) + s.modelMs;
  return `app ${s.appMs.toFixed(2)} ms, PostgreSQL ${database}, model process ${s.modelMs.toFixed(2)} ms; machine ${total.toFixed(2)} ms`;
}

/** Run-queue waits per call, e.g. "main thread 2.80 ms (app 4.10), PostgreSQL 5.40, model process 0.90". */
export function describeWaits(s: CpuSplit): string {
  const w = s.wait;
  const database = w.databaseMs === null ? "" : `, PostgreSQL ${w.databaseMs.toFixed(2)}`;
  return `main thread ${w.mainMs.toFixed(2)} ms (all the app's threads ${w.appMs.toFixed(2)})${database}, model process ${w.modelMs.toFixed(2)} ms`;
}
