"use client";
// The live ward grid. Starts from the server snapshot, applies "vitals" events for this ward (all that
// arrived since the last frame together, on the next animation frame), and after every reconnect re-fetches a fresh snapshot (router.refresh) and
// merges it so nothing missed while offline stays missing. Open alerts of the ward arrive the same way
// ("alert:raised"/"alert:updated"; after the first join a catch-up brings what changed since the server
// render, shared with the nav count); each tile shows its patient's top alarm and
// the acuity order puts open high alarms first. Tiles are memoised: a vitals event re-renders only its
// own bed; the 1 Hz clock re-renders a tile only when its status changes.
import { useRouter } from "next/navigation";
import { flushSync } from "react-dom";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { AlertFeed } from "@/components/alerts/alert-feed";
import { useAlertCatchUp } from "@/components/alerts/use-alert-catch-up";
import { useLiveAlerts } from "@/components/alerts/use-live-alerts";
import { ConnectionBadge } from "@/components/live/connection-badge";
import { useLiveSocket, useRoom, useSocketEvent } from "@/components/live/use-live-socket";
import { EmptyState } from "@/components/ui/empty-state";
import { calibrateClock, useNow } from "@/components/live/use-now";
import type { AlertCursor } from "@/lib/alerts/alert-queries";
import { type AlertView } from "@/lib/events";
import { isOpen } from "@/lib/alerts/alert-policy";
import { isSortMode, type SortMode } from "./ward-order";
import type { VitalsPayload } from "@/lib/events";
import type { WardSnapshot } from "@/lib/store/ward-types";
import { BedTileCard } from "./bed-tile";
import { useFrameBatch } from "@/components/live/use-frame-batch";
import { summariseBed, type BedSummary } from "./bed-summary";
import { SortToggle, WardCounts } from "./ward-toolbar";
import { applyVitals, mergeSnapshot, type LiveBed } from "./ward-live-state";
import { alarmsByPatient, orderBedsWithAlarms } from "./ward-alarms";
import { useWardGrid, wardGridStyle } from "./use-ward-grid";

// Only the charge nurse on duty (or an admin) sees the ward brief: the AI panel's code loads for them alone.
// (React.lazy rather than next/dynamic, whose loader adds more to every ward page than the panel itself.)
const AiFeatureDialogButton = lazy(() =>
  import("@/components/ai/ai-feature-dialog-button").then((m) => ({ default: m.AiFeatureDialogButton })),
);

const NO_ALARM = { alarmId: null, alarmPriority: null, alarmState: null, alarmMessage: null, alarmRule: null, alarmCount: 0 } as const;
const SORT_KEY = "iomt.ward.sort";

// The sort choice lives in localStorage; read through useSyncExternalStore so SSR renders "bed".
const sortListeners = new Set<() => void>();
function subscribeSort(cb: () => void) {
  sortListeners.add(cb);
  window.addEventListener("storage", cb);
  return () => {
    sortListeners.delete(cb);
    window.removeEventListener("storage", cb);
  };
}
function readSort(): SortMode {
  try {
    const v = window.localStorage.getItem(SORT_KEY);
    return isSortMode(v) ? v : "bed";
  } catch {
    return "bed";
  }
}
function writeSort(mode: SortMode) {
  try {
    window.localStorage.setItem(SORT_KEY, mode);
  } catch {
    // Storage unavailable (private mode, policy): the choice lasts for this page only.
  }
  sortListeners.forEach((l) => l());
}

export function WardDashboard({
  snapshot,
  alerts,
  cursor,
  feed,
  canBrief,
}: {
  snapshot: WardSnapshot;
  alerts: AlertView[];
  cursor: AlertCursor;
  feed: AlertFeed;
  /** The signed-in user is the ward's charge nurse on duty (or an admin): offer the AI ward brief. */
  canBrief: boolean;
}) {
  const router = useRouter();
  const wardId = snapshot.ward.id;
  const windowMs = snapshot.sparklineMinutes * 60_000;

  // A new snapshot (initial or after router.refresh) is merged with what arrived live meanwhile.
  const [beds, setBeds] = useState<LiveBed[]>(snapshot.beds);
  const [seen, setSeen] = useState(snapshot);
  if (seen !== snapshot) {
    setSeen(snapshot);
    setBeds((current) => mergeSnapshot(current, snapshot.beds, windowMs));
  }
  useEffect(() => calibrateClock(snapshot.generatedAt), [snapshot.generatedAt]);

  // Live vitals, applied once per animation frame: one render per frame with news, committed inside the
  // frame callback (flushSync) so it is on screen at this frame's paint, not a task later.
  const pushVitals = useFrameBatch<VitalsPayload>((batch) => flushSync(() => setBeds((current) => applyVitals(current, batch, windowMs))));
  useSocketEvent("vitals", (e) => {
    if (e.wardId === wardId) pushVitals(e);
  });

  const { status, error } = useLiveSocket();
  const [refusal, setRefusal] = useState<string | null>(null);

  // Alerts of this ward's room, or of a patient in one of its beds (the socket carries every room's).
  const patientIds = useMemo(() => new Set(beds.flatMap((b) => (b.patient ? [b.patient.id] : []))), [beds]);
  const toItem = useCallback(
    (a: AlertView) => (a.wardId === wardId || (a.patientId !== null && patientIds.has(a.patientId)) ? a : null),
    [wardId, patientIds],
  );
  const expected = useCallback((a: AlertView) => isOpen(a) && a.wardId === wardId, [wardId]);
  const { known: alertMap, applyChanges } = useLiveAlerts({ snapshot: alerts, generatedAt: cursor.at, expected, toItem });
  const catchUp = useAlertCatchUp({ feed, cursor, onChanges: (c) => (c.truncated ? router.refresh() : applyChanges(c.alerts)) });
  // After a reconnect the whole page re-renders (router.refresh: beds, vitals and alerts); right after the
  // first join only the alerts catch up (an alarm raised between the server render and the join).
  useRoom("ward", wardId, {
    catchUp: true,
    onAck: (r) => setRefusal(r.ok ? null : r.error),
    onResync: ({ first }) => (first ? catchUp() : router.refresh()),
  });
  const alarms = useMemo(() => alarmsByPatient(alertMap.values()), [alertMap]);

  const sort = useSyncExternalStore(subscribeSort, readSort, () => "bed" as const);
  const clock = useNow();
  const now = clock || Date.parse(snapshot.generatedAt);
  // A bed's summary is recomputed only when the bed or the second changes: between clock ticks a frame
  // of vitals touches a few beds, not 64.
  const [summaryCache] = useState(() => new WeakMap<LiveBed, { now: number; summary: BedSummary }>());
  const tiles = useMemo(() => {
    const rows = beds.map((bed) => {
      const hit = summaryCache.get(bed);
      const s = hit && hit.now === now ? hit.summary : summariseBed(bed, now, bed.patient?.spo2Scale ?? 1);
      if (s !== hit?.summary) summaryCache.set(bed, { now, summary: s });
      const alarm = bed.patient ? alarms.get(bed.patient.id) : undefined;
      return {
        bed,
        summary: s,
        alarm: alarm
          ? {
              alarmId: alarm.top.id,
              alarmPriority: alarm.top.priority,
              alarmState: alarm.top.state,
              alarmMessage: alarm.top.message,
              alarmRule: alarm.top.rule,
              alarmCount: alarm.open,
            }
          : NO_ALARM,
        label: bed.label,
        occupied: bed.patient !== null,
        complete: s.news2Complete,
        news2: s.news2Total ?? s.news2Partial,
        highAlarm: alarm?.top.priority === "high",
      };
    });
    return orderBedsWithAlarms(rows, sort);
  }, [beds, now, sort, alarms, summaryCache]);
  // Tiles sized to the screen: every bed visible on a wall display, full names from 1440 px.
  const gridRef = useRef<HTMLUListElement | null>(null);
  const layout = useWardGrid(gridRef, tiles.length);
  const fit = { density: layout?.density ?? "comfortable", tileWidth: layout?.tileWidth ?? 240 } as const;

  return (
    <main className="px-3 py-3">
      <div className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <h1 className="text-xl font-semibold">
          {snapshot.ward.name} <span className="text-base font-normal text-ink-muted">{snapshot.ward.code}</span>
        </h1>
        <WardCounts summaries={tiles.filter((t) => t.occupied).map((t) => t.summary)} beds={tiles.length} />
        <div className="ml-auto flex items-center gap-4">
          {canBrief && (
            <Suspense fallback={null}>
              <AiFeatureDialogButton
                feature="ward"
                subjectId={snapshot.ward.id}
                label="Ward brief"
                title={`Ward brief: ${snapshot.ward.code}`}
              />
            </Suspense>
          )}
          <SortToggle value={sort} onChange={writeSort} />
          <ConnectionBadge status={status} error={refusal ?? error} onReload={() => window.location.reload()} />
        </div>
      </div>
      {tiles.length === 0 ? (
        <EmptyState className="">This ward has no beds.</EmptyState>
      ) : (
        <ul
          ref={gridRef}
          style={wardGridStyle(layout)}
          data-testid="bed-grid"
          data-columns={layout?.columns}
          data-density={layout?.density}
          className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] auto-rows-[10.5rem] gap-1.5"
          aria-label="Beds"
        >
          {tiles.map((t) => (
            <li key={t.bed.bedId} className="min-h-0 min-w-0">
              <BedTileCard bed={t.bed} sparklineMs={windowMs} {...fit} {...t.summary} {...t.alarm} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
