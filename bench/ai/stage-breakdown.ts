// bench:ai, one caller: where the governance time goes, stage by stage, with the same functions the call
// path runs (resolve version + subject, parameters + de-identify + render + count, reserve, settle; the
// settlement runs after the caller has the answer, so it is shown apart).
import crypto from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import type { Database } from "@/lib/db/database";
import { LatencySamples, type LatencySummary } from "@/bench/ingest/bench-stats";
import { productionVersion } from "@/lib/ai/vault/production-cache";
import { loadSubject } from "@/lib/ai/parameters/subject";
import { prepareCall } from "@/lib/ai/features/prepare-call";
import { modelRuntime } from "@/lib/ai/runtime/model-runtime";
import { reserveAndLog } from "@/lib/ai/budgets/reserve";
import { settleCall } from "@/lib/ai/budgets/settle";

export async function stageBreakdown(
  db: Database,
  nurse: Principal,
  patientId: string,
  calls: number,
): Promise<Record<string, LatencySummary>> {
  const stages = {
    "resolve version + subject (scope)": new LatencySamples(),
    "parameters, de-identify, render, count": new LatencySamples(),
    "reserve (3 budgets) + log row": new LatencySamples(),
    "settle (after the answer: off the caller's wait)": new LatencySamples(),
  };
  for (let i = 0; i < calls; i++) {
    let t = performance.now();
    const lap = (s: LatencySamples) => {
      const now = performance.now();
      s.add(now - t);
      t = now;
    };
    const version = await productionVersion("handover-summary");
    const loaded = await loadSubject(db.sql, nurse, "patient", patientId);
    lap(stages["resolve version + subject (scope)"]);
    const now = new Date();
    const p = await prepareCall(db.sql, nurse, version, loaded, modelRuntime(), now, "handover-summary");
    lap(stages["parameters, de-identify, render, count"]);
    const id = crypto.randomUUID();
    await reserveAndLog(
      db.sql,
      {
        id,
        at: now,
        feature: "handover-summary",
        promptName: "handover-summary",
        promptVersion: version.version,
        model: p.model,
        demo: true,
        userId: nurse.userId,
        patientId,
        subject: `patient:${patientId}`,
        parameters: p.uses,
        redactions: p.receipt as Record<string, number>,
        inputTokens: p.inputTokens,
      },
      p.reservationNusd,
    );
    lap(stages["reserve (3 budgets) + log row"]);
    await settleCall(db.sql, id, {
      status: "ok",
      model: p.model,
      inputTokens: p.inputTokens,
      cachedTokens: 0,
      outputTokens: 100,
      costNusd: 1000,
      latencyMs: 1,
      error: null,
      content: null,
      contentExpiresAt: null,
    });
    lap(stages["settle (after the answer: off the caller's wait)"]);
  }
  return Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, v.summary()]));
}
