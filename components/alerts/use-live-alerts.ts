"use client";
// A live map of alerts for one view (queue, ward grid, nav count): starts from the server's snapshot,
// applies "alert:raised" and "alert:updated" as they arrive and the changes a catch-up brings, and
// merges every later snapshot (a new server render, or a full re-fetch) so nothing missed while
// offline stays missing.
// The socket delivers events of every room the tab joined: `toItem` picks (and shapes) this view's.
import { useCallback, useState } from "react";
import { useSocketEvent } from "@/components/live/use-live-socket";
import type { AlertView } from "@/lib/events";
import { applyAlert, applyAlerts, mergeSnapshot, type AlertLike } from "./queue-state";

export type LiveAlertsOptions<T extends AlertLike> = {
  snapshot: readonly T[];
  /** Server time the snapshot was taken (before the query ran). */
  generatedAt: string;
  /** Whether the snapshot's query would list this alert (an absent one is then gone). */
  expected: (a: T) => boolean;
  /** This view's shape of a live alert, or null to ignore it. */
  toItem: (a: AlertView) => T | null;
};

export function useLiveAlerts<T extends AlertLike>(opts: LiveAlertsOptions<T>) {
  const [known, setKnown] = useState<ReadonlyMap<string, T>>(() => applyAlerts(new Map(), opts.snapshot));
  const [seen, setSeen] = useState(opts.snapshot);
  if (seen !== opts.snapshot) {
    setSeen(opts.snapshot);
    setKnown((k) => mergeSnapshot(k, opts.snapshot, opts.generatedAt, opts.expected));
  }
  const { toItem, expected } = opts;
  const apply = useCallback(
    (a: AlertView) => {
      const item = toItem(a);
      if (item) setKnown((k) => applyAlert(k, item));
    },
    [toItem],
  );
  const merge = useCallback(
    (snapshot: readonly T[], generatedAt: string) => setKnown((k) => mergeSnapshot(k, snapshot, generatedAt, expected)),
    [expected],
  );
  /** Changed alerts from a catch-up (any state): each replaces an older version, none is dropped. */
  const applyChanges = useCallback((items: readonly T[]) => setKnown((k) => applyAlerts(k, items)), []);
  useSocketEvent("alert:raised", (a) => apply(a));
  useSocketEvent("alert:updated", (u) => apply(u.alert));
  return { known, apply, merge, applyChanges };
}
