"use client";
// The nav's "Alerts" link with the live number of active (unacknowledged) alerts in the user's scope,
// coloured by the highest priority among them. Starts from the server's count, follows the alert events
// of every ward the user may see (and equipment alerts, for admin and biomed), and re-fetches once the rooms are joined, after every reconnect and
// every two minutes. It is also
// the tab's one audible-cue player and acknowledges "alert:notify" (the delivery receipt) on every page.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useRooms, useSocketEvent } from "@/components/live/use-live-socket";
import { equipmentRoomIds } from "./equipment-room";
import { summariseActive, toMark, type AlertMark } from "./active-alerts";
import { loadActiveAlertMarks } from "./active-alerts-action";
import { useAudibleCue } from "./audible-cue";
import { useLiveAlerts } from "./use-live-alerts";

const REFRESH_MS = 120_000;
const PILL: Record<string, string> = { high: "badge-high", medium: "badge-medium", low: "badge-inop", technical: "badge-inop" };
const isActive = (m: AlertMark) => m.state === "active";

type Props = { initial: AlertMark[]; generatedAt: string; wardIds: string[]; equipment: boolean; current: boolean };

export function AlertCountBadge({ initial, generatedAt, wardIds, equipment, current }: Props) {
  const { known, merge } = useLiveAlerts<AlertMark>({ snapshot: initial, generatedAt, expected: isActive, toItem: toMark });

  const refreshing = useRef(false);
  const refresh = useCallback(async () => {
    if (refreshing.current) return;
    refreshing.current = true;
    try {
      const r = await loadActiveAlertMarks({});
      if (r.ok) merge(r.data.marks, r.data.generatedAt);
    } catch {
      // Offline or signed out: the next reconnect or interval tries again.
    } finally {
      refreshing.current = false;
    }
  }, [merge]);
  useRooms("ward", wardIds, { catchUp: true, onResync: () => void refresh() });
  useRooms("equipment", equipmentRoomIds(equipment), { catchUp: true, onResync: () => void refresh() });
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
