// Poison rows: when a batch keeps failing for a reason other than a lost or refused connection, it is
// written caller by caller, so only the caller whose frames the database refuses gets a PoisonFramesError
// (ingest quarantines that body) and the others are stored; callers behind it are not held up.
import "server-only";
import { errorText, isTransientDatabaseError } from "@/lib/db/poison-rows";
import type { BatchInserter, InsertedRow, Rows, Waiter } from "./observation-batch-insert";

/** The database refused these frames themselves (not an outage): resending cannot help. */
export class PoisonFramesError extends Error {
  constructor(readonly dbError: string) {
    super(`the frames could not be stored (${dbError})`);
    this.name = "PoisonFramesError";
  }
}

/** What isolation needs back from the writer that owns the queue. */
export type IsolationHooks = {
  settle: (batch: Waiter[], rows: Rows, inserted: InsertedRow[], frames: number) => void;
  /** Puts callers back at the front of the writer's queue. */
  requeue: (rest: Waiter[]) => void;
  log: (msg: string) => void;
};

/** Poison isolation: each caller's frames alone; a refused caller is told, the rest are stored. If the
 *  database goes away meanwhile, the callers not yet written go back to the front of the queue. */
export async function writeCallerByCaller(batch: Waiter[], inserter: BatchInserter, hooks: IsolationHooks): Promise<void> {
  for (let i = 0; i < batch.length; i++) {
    const w = batch[i]!;
    const rows = inserter.buildRows([w], Date.now());
    try {
      const inserted = await inserter.insert(rows);
      hooks.settle([w], rows, inserted, w.frames.length);
    } catch (err) {
      inserter.forgetSeen(rows);
      if (isTransientDatabaseError(err)) {
        hooks.requeue(batch.slice(i));
        return;
      }
      hooks.log(
        `[ingest] ${w.frames.length} frames from "${w.frames[0]?.deviceId}" refused by the database (${errorText(err)}); quarantined`,
      );
      w.reject(new PoisonFramesError(errorText(err)));
    }
  }
}
