// What /api/health reports: the database answers and the MQTT side is up.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { peekProcessSingleton } from "@/lib/process-singleton";

export type RuntimeInfo = { mqtt: { mode: "embedded" | "external"; url: string } | null; simulator: boolean; startedAt: string };

export async function checkHealth() {
  const runtime = peekProcessSingleton<RuntimeInfo>("runtimeInfo") ?? null;
  const started = Date.now();
  try {
    const { sql } = await getDatabase();
    await sql.query("SELECT 1");
    return {
      ok: true as const,
      status: "ok",
      database: { kind: sql.kind, latencyMs: Date.now() - started },
      mqtt: runtime?.mqtt ?? null,
      simulator: runtime?.simulator ?? false,
      startedAt: runtime?.startedAt ?? null,
    };
  } catch (err) {
    return { ok: false as const, status: "unavailable", error: `database: ${(err as Error).message}` };
  }
}
