// bench:ai: the CPU a governed call costs on the whole machine, split by process: the app (this process,
// every thread), its PostgreSQL backends (the connections open on the bench database) and the model's
// process. Read from /proc (Linux); a process that cannot be read (gone) counts nothing.
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

export type CpuSplit = { appMs: number; databaseMs: number | null; modelMs: number; databaseBackends: number };

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
  return {
    stop(calls: number): CpuSplit {
      const app = process.cpuUsage(app0);
      return {
        appMs: (app.user + app.system) / 1000 / calls,
        databaseMs: db.sql.kind === "postgres" ? (cpuMsOf(backends) - db0) / calls : null,
        modelMs: (cpuMsOf([modelPid]) - model0) / calls,
        databaseBackends: backends.length,
      };
    },
  };
}

export function describeCpu(s: CpuSplit): string {
  const database = s.databaseMs === null ? "in the app (PGlite)" : `${s.databaseMs.toFixed(2)} ms (${s.databaseBackends} backends)`;
  const total = s.appMs + (s.databaseMs ?? 0) + s.modelMs;
  return `app ${s.appMs.toFixed(2)} ms, PostgreSQL ${database}, model process ${s.modelMs.toFixed(2)} ms; machine ${total.toFixed(2)} ms`;
}
