"use client";
// Catch-up of a live alert screen. The server render is a snapshot taken before the screen joined its
// rooms; once they are joined (and after every reconnect) the screen asks for what changed since its
// last answer: one small query (changedSince), not the whole list again. The screen and the nav count
// ask with the same key (queryKeys.alertChanges), so TanStack Query runs one request for both. Joins
// arrive one room at a time: calls within a short window make one catch-up.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { actionData, retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import type { AlertCursor } from "@/lib/alerts/alert-queries";
import { loadAlertChangesAction } from "./alert-changes-action";
import type { AlertChanges, AlertFeed } from "./alert-feed";

const DEBOUNCE_MS = 150;
/** How long an answer serves another component of the tab asking the same (the nav count, a second room). */
const SHARED_MS = 10_000;

export function useAlertCatchUp({
  feed,
  cursor,
  onChanges,
}: {
  feed: AlertFeed;
  cursor: AlertCursor;
  onChanges: (c: AlertChanges) => void;
}): () => void {
  const queryClient = useQueryClient();
  const since = useRef(cursor);
  // A new server render (another filter, router.refresh) starts from its own snapshot.
  useEffect(() => {
    since.current = cursor;
  }, [cursor]);
  const latest = useRef({ feed, onChanges });
  useEffect(() => {
    latest.current = { feed, onChanges };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(async () => {
      timer.current = null;
      const from = since.current;
      const asked = latest.current.feed;
      try {
        const changes = await queryClient.fetchQuery({
          queryKey: queryKeys.alertChanges(asked, from),
          queryFn: async () => actionData(await loadAlertChangesAction({ since: from, feed: asked })),
          staleTime: SHARED_MS,
          gcTime: SHARED_MS,
          retry: retryUnlessRefused,
        });
        // Dropped when a newer snapshot replaced the one asked from (another filter, a refresh).
        if (since.current !== from) return;
        since.current = changes.cursor;
        latest.current.onChanges(changes);
      } catch {
        // Offline or signed out: the next reconnect asks again.
      }
    }, DEBOUNCE_MS);
  }, [queryClient]);
}
