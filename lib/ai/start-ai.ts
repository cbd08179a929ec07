// Start-up of the AI layer (server.ts): seed the four prompts and the price list (every install, once),
// release budget reservations left by calls that were in flight when the app last stopped, purge
// expired call content, then keep releasing and purging every minute / hour; at stop, let the
// settlements in flight land.
import "server-only";
import { env } from "@/lib/env";
import { getDatabase } from "@/lib/db/database";
import { seedPrices } from "./budgets/price-store";
import { releaseStaleReservations } from "./budgets/settle";
import { settlementsLanded } from "./budgets/settlements";
import { purgeExpiredContent } from "./calls/content-logging";
import { seedPromptVault } from "./vault/seed-vault";

const SWEEP_MS = 60_000;
const PURGE_MS = 3_600_000;

export type AiStartResult = { seededPrompts: string[]; seededPrices: number; released: number; purged: number; stop(): Promise<void> };

/**
 * A call never runs longer than the model timeout (retries included) plus its database work, so a call
 * still pending after that is left by a stopped process. With the embedded database only this process
 * exists: everything pending at start is released.
 */
export function staleBefore(now: Date, embedded: boolean, timeoutMs: number): Date {
  return embedded ? now : new Date(now.getTime() - timeoutMs - SWEEP_MS);
}

export async function startAi(): Promise<AiStartResult> {
  const e = env();
  const { sql } = await getDatabase();
  const seededPrompts = await seedPromptVault();
  const seededPrices = await seedPrices();
  const released = await releaseStaleReservations(sql, staleBefore(new Date(), e.embeddedDatabase, e.AI_TIMEOUT_MS));
  const purged = await purgeExpiredContent();
  if (released > 0) console.log(`[ai] released the budget reservations of ${released} interrupted call(s)`);
  const sweep = setInterval(() => {
    releaseStaleReservations(sql, staleBefore(new Date(), false, e.AI_TIMEOUT_MS)).catch((err: Error) =>
      console.error(`[ai] reservation sweep failed: ${err.message}`),
    );
  }, SWEEP_MS);
  const purge = setInterval(() => {
    purgeExpiredContent().catch((err: Error) => console.error(`[ai] content purge failed: ${err.message}`));
  }, PURGE_MS);
  sweep.unref();
  purge.unref();
  return {
    seededPrompts,
    seededPrices,
    released,
    purged,
    /** Stops the sweeps and waits for the settlements in flight (before the database closes). */
    async stop() {
      clearInterval(sweep);
      clearInterval(purge);
      await settlementsLanded();
    },
  };
}
