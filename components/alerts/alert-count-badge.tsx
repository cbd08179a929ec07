"use client";
// The nav's "Alerts" link with the live number of active (unacknowledged) alerts in the user's scope,
// coloured by the highest priority among them. Starts from the server's marks, follows the alert events
// of every ward the user may see (and equipment alerts, for admin and biomed), catches up once the rooms
// are joined and after every reconnect (the same request as the page's own catch-up: same feed, same
// cursor), and checks the whole count every two minutes. It is also the tab's one audible-cue player and
// acknowledges "alert:notify" (the delivery receipt) on every page.
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo } from "react";
import { actionData } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { useRooms, useSocketEvent } from "@/components/live/use-live-socket";
import type { AlertCursor } from "@/lib/alerts/alert-queries";
import { loadActiveAlertMarks } from "./active-alerts-action";
import { summariseActive, toMark, type AlertMark } from "./active-alerts";
import type { AlertFeed } from "./alert-feed";
import { useAudibleCue } from "./audible-cue";
import { equipmentRoomIds } from "./equipment-room";
import { useAlertCatchUp } from "./use-alert-catch-up";
import { useLiveAlerts } from "./use-live-alerts";

const REFRESH_MS = 120_000;
const PILL: Record<string, string> = { high: "badge-high", medium: "badge-medium", low: "badge-inop", technical: "badge-inop" };
const isActive = (m: AlertMark) => m.state === "active";

type Props = { initial: AlertMark[]; cursor: AlertCursor; feed: AlertFeed; wardIds: string[]; equipment: boolean; current: boolean };

export function AlertCountBadge({ initial, cursor, feed, wardIds, equipment, current }: Props) {
  const { known, merge, applyChanges } = useLiveAlerts<AlertMark>({
    snapshot: initial,
    generatedAt: cursor.at,
    expected: isActive,
    toItem: toMark,
  });

  const queryClient = useQueryClient();
  const refresh = useCallback(async () => {
    try {
      const r = await queryClient.fetchQuery({
        queryKey: queryKeys.activeAlertMarks,
        queryFn: async () => actionData(await loadActiveAlertMarks({})),
        staleTime: 0,
      });
      merge(r.marks, r.generatedAt);
    } catch {
      // Offline or signed out: the next reconnect or interval tries again.
    }
  }, [queryClient, merge]);
  const catchUp = useAlertCatchUp({
    feed,
    cursor,
    onChanges: (c) => (c.truncated ? void refresh() : applyChanges(c.marks)),
  });
  // The ward page reloads itself after a reconnect (new marks arrive with it); elsewhere the count catches up.
  const onResync = (_id: string, info: { first: boolean }) => {
    if (info.first || feed.view !== "ward") catchUp();
  };
  useRooms("ward", wardIds, { catchUp: true, onResync });
  useRooms("equipment", equipmentRoomIds(equipment), { catchUp: true, onResync });
  useEffect(() => {
    const t = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(t);
  }, [refresh]);

  // Delivery receipt (IHE ACM): this browser received the notification.
  useSocketEvent("alert:notify", (_n, ack) => ack({ ok: true }));

  const active = useMemo(() => [...known.values()].filter(isActive), [known]);
  useAudibleCue(active);
  const { count, top } = summariseActive(active);
  return (
    <Link
      href="/alerts"
      prefetch={false}
      aria-current={current ? "page" : undefined}
      aria-label={`Alerts, ${count} active`}
      className={`flex items-center gap-1.5 rounded px-3 py-1 text-sm ${current ? "bg-panel-raised text-ink" : "text-ink-muted hover:bg-panel-raised hover:text-ink"}`}
    >
      Alerts
      <span
        data-testid="alert-count"
        data-count={count}
        title={count ? `${count} active (unacknowledged) alert${count === 1 ? "" : "s"}` : "No active alerts"}
        className={`min-w-6 rounded-full px-1.5 text-center text-xs font-bold leading-5 tabular ${top ? PILL[top] : "bg-panel-raised text-ink-muted"}`}
      >
        {count}
      </span>
    </Link>
  );
}
