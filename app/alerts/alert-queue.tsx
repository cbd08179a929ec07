"use client";
// The live alert queue: starts from the server's list, follows "alert:raised"/"alert:updated" on every
// ward the user may see, and once its rooms are joined and after every reconnect asks only for what
// changed since (useAlertCatchUp, shared with the nav count), so an alarm raised while offline appears.
// High priority first, then the oldest; filters live in the URL. One-click acknowledge and escalate;
// resolve and silence ask a reason; keyboard shortcuts; read receipts for rows on screen; notifications
// to this user are acknowledged (delivery receipt).
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AlertFeed } from "@/components/alerts/alert-feed";
import { equipmentRoomIds } from "@/components/alerts/equipment-room";
import { keepSelection, moveSelection, type QueueCommand } from "@/components/alerts/keyboard";
import { isLatched } from "@/components/alerts/presentation";
import { matchesFilter, type QueueFilter } from "@/components/alerts/queue-filter";
import { visibleQueue } from "@/components/alerts/queue-state";
import { useAlertCatchUp } from "@/components/alerts/use-alert-catch-up";
import { useLiveAlerts } from "@/components/alerts/use-live-alerts";
import { useLiveSocket, useRooms, useSocketEvent } from "@/components/live/use-live-socket";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlertCursor } from "@/lib/alerts/alert-queries";
import type { AlertView } from "@/lib/events";
import { AlertRow } from "./alert-row";
import { QueueFilters, QueueHeader, ShortcutHelp, type WardOption } from "./queue-toolbar";
import { ReasonDialog, type ReasonRequest } from "./reason-dialog";
import { useQueueActions, type RowAction } from "./use-queue-actions";
import { useQueueKeys } from "./use-queue-keys";
import { useReadReceipts } from "./use-read-receipts";

const identity = (a: AlertView) => a;
const COLUMNS = [
  { label: "Priority", className: "pr-2 pl-3" },
  { label: "Patient", className: "px-2" },
  { label: "Alarm", className: "px-2" },
  { label: "Age", className: "px-2" },
  { label: "Status", className: "px-2" },
  { label: "Actions", className: "pr-3 pl-2 text-right" },
];

type Props = {
  alerts: AlertView[];
  cursor: AlertCursor;
  feed: AlertFeed;
  filter: QueueFilter;
  wards: WardOption[];
  equipment: boolean;
  truncated: boolean;
};

export function AlertQueue({ alerts, cursor, feed, filter, wards, equipment, truncated }: Props) {
  const router = useRouter();
  // Ids the server listed for this filter (it also matches a ward by the patient's current bed).
  const [listed, setListed] = useState<ReadonlySet<string>>(() => new Set(alerts.map((a) => a.id)));
  const [listedFrom, setListedFrom] = useState(alerts);
  if (listedFrom !== alerts) {
    setListedFrom(alerts);
    setListed(new Set(alerts.map((a) => a.id)));
  }
  const expected = useCallback((a: AlertView) => matchesFilter(a, filter), [filter]);
  const { known, apply, applyChanges } = useLiveAlerts({ snapshot: alerts, generatedAt: cursor.at, expected, toItem: identity });
  const rows = useMemo(() => visibleQueue(known, filter, listed), [known, filter, listed]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);

  // Catch-up after the rooms are joined and after every reconnect: what changed since, for all wards at
  // once. What the server lists for this filter stays listed (it matches a ward by the current bed too).
  const catchUp = useAlertCatchUp({
    feed,
    cursor,
    onChanges: (c) => {
      if (c.truncated) return router.refresh();
      applyChanges(c.alerts);
      setListed((l) => new Set([...l, ...c.alerts.map((a) => a.id)]));
    },
  });
  const wardIds = useMemo(() => wards.map((w) => w.id), [wards]);
  const [refusal, setRefusal] = useState<string | null>(null);
  useRooms("ward", wardIds, { catchUp: true, onAck: (_id, r) => setRefusal(r.ok ? null : r.error), onResync: catchUp });
  useRooms("equipment", equipmentRoomIds(equipment), {
    catchUp: true,
    onAck: (_id, r) => setRefusal(r.ok ? null : r.error),
    onResync: catchUp,
  });
  const { status, error } = useLiveSocket();

  // Sent to this user (at raise or by escalation): acknowledge receipt, mark the row.
  const [notified, setNotified] = useState<ReadonlyMap<string, number>>(new Map());
  useSocketEvent("alert:notify", (n, ack) => {
    ack({ ok: true });
    apply(n.alert);
    setNotified((m) => new Map(m).set(n.alert.id, n.level));
  });

  // Selection follows its row; when the row leaves the list, the next one takes its place.
  const [selected, setSelected] = useState<string | null>(null);
  const [prevIds, setPrevIds] = useState(ids);
  if (prevIds !== ids) {
    setPrevIds(ids);
    setSelected((s) => keepSelection(prevIds, ids, s));
  }
  useEffect(() => {
    if (selected) document.querySelector(`[data-alert-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  const actions = useQueueActions(apply);
  const [asking, setAsking] = useState<ReasonRequest | null>(null);
  const knownRef = useRef(known);
  useEffect(() => {
    knownRef.current = known;
  }, [known]);
  const { acknowledge, escalate } = actions;
  const onAction = useCallback(
    (id: string, action: RowAction) => {
      const alert = knownRef.current.get(id);
      if (!alert || alert.state === "resolved") return;
      if (action === "acknowledge") {
        if (alert.state === "active") void acknowledge(id);
      } else if (action === "escalate") void escalate(id);
      else setAsking({ kind: action, alert });
    },
    [acknowledge, escalate],
  );
  const onCommand = (c: QueueCommand) => {
    if (c === "next" || c === "prev") setSelected((s) => moveSelection(ids, s, c === "next" ? 1 : -1));
    else if (selected && !actions.busy.has(selected)) onAction(selected, c);
  };
  useQueueKeys(onCommand, asking === null);

  const tbody = useReadReceipts<HTMLTableSectionElement>(ids.join(","));
  const counts = useMemo(
    () => ({
      active: rows.filter((r) => r.state === "active").length,
      acknowledged: rows.filter((r) => r.state === "acknowledged").length,
      latched: rows.filter(isLatched).length,
    }),
    [rows],
  );
  const wardCode = useMemo(() => new Map(wards.map((w) => [w.id, w.code])), [wards]);

  return (
    <main className="mx-auto max-w-[120rem] space-y-3 px-3 py-3">
      <QueueHeader counts={counts} status={status} error={refusal ?? error} />
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <QueueFilters filter={filter} wards={wards} />
        <ShortcutHelp />
      </div>
      <DataTable
        className="overflow-x-auto rounded-md border border-line"
        tableClassName="w-full min-w-[64rem] border-collapse text-left"
        headClassName="border-b border-line-strong bg-panel text-xs tracking-wide text-ink-muted uppercase"
        thClassName="py-2 font-semibold"
        columns={COLUMNS}
        rows={rows}
        bodyRef={tbody}
        keepHeader
        empty={
          <EmptyState className="px-3 py-8 text-center" testId="queue-empty">
            {filter.state === "open" && !filter.priority && !filter.wardId ? "No open alerts." : "No alerts match these filters."}
          </EmptyState>
        }
        row={(a) => (
          <AlertRow
            key={a.id}
            alert={a}
            wardCode={a.wardId ? (wardCode.get(a.wardId) ?? null) : null}
            selected={a.id === selected}
            busy={actions.busy.get(a.id) ?? null}
            error={actions.errors.get(a.id) ?? null}
            notifiedLevel={notified.get(a.id) ?? null}
            aiMaintains={equipment}
            onSelect={setSelected}
            onAction={onAction}
          />
        )}
      />
      {truncated && <p className="text-sm text-ink-muted">Only the first 500 alerts are listed; narrow the filters to see the rest.</p>}
      <ReasonDialog
        request={asking}
        error={asking ? (actions.errors.get(asking.alert.id) ?? null) : null}
        onCancel={() => setAsking(null)}
        onSubmit={(reason, minutes) => {
          if (!asking) return Promise.resolve(false);
          return asking.kind === "silence" ? actions.silence(asking.alert.id, reason, minutes) : actions.resolve(asking.alert.id, reason);
        }}
      />
    </main>
  );
}
