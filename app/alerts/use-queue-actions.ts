"use client";
// Runs the queue's server actions for one alert at a time per row: which row is busy with what, the
// last refusal per row, and the returned alert applied at once (the socket event confirms it later).
import { useCallback, useMemo, useState } from "react";
import type { AlertView } from "@/lib/events";
import { acknowledgeAlertAction, escalateAlertAction, resolveAlertAction, silenceAlertAction } from "./actions";

export type RowAction = "acknowledge" | "resolve" | "silence" | "escalate";
type Result = { ok: true; data: AlertView } | { ok: false; error: string; fieldErrors?: Record<string, string> };

function without<V>(m: ReadonlyMap<string, V>, id: string): ReadonlyMap<string, V> {
  if (!m.has(id)) return m;
  const next = new Map(m);
  next.delete(id);
  return next;
}

export function useQueueActions(apply: (a: AlertView) => void) {
  const [busy, setBusy] = useState<ReadonlyMap<string, RowAction>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());

  const run = useCallback(
    async (id: string, action: RowAction, call: () => Promise<Result>): Promise<boolean> => {
      setBusy((m) => new Map(m).set(id, action));
      setErrors((m) => without(m, id));
      let r: Result;
      try {
        r = await call();
      } catch {
        r = { ok: false, error: "The server could not be reached; nothing was changed." };
      }
      setBusy((m) => without(m, id));
      if (r.ok) {
        apply(r.data);
        return true;
      }
      const detail = r.fieldErrors ? Object.values(r.fieldErrors).join("; ") : "";
      setErrors((m) => new Map(m).set(id, detail ? `${r.error} ${detail}` : r.error));
      return false;
    },
    [apply],
  );

  const calls = useMemo(
    () => ({
      acknowledge: (id: string) => run(id, "acknowledge", () => acknowledgeAlertAction({ alertId: id })),
      escalate: (id: string) => run(id, "escalate", () => escalateAlertAction({ alertId: id })),
      resolve: (id: string, reason: string) => run(id, "resolve", () => resolveAlertAction({ alertId: id, reason })),
      silence: (id: string, reason: string, minutes: number) =>
        run(id, "silence", () => silenceAlertAction({ alertId: id, reason, minutes })),
    }),
    [run],
  );
  return { busy, errors, ...calls };
}
