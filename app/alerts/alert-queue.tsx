"use client";
// The live alert queue: starts from the server's list, follows "alert:raised"/"alert:updated" on every
// ward the user may see, and catches up with the same query (listAlerts via a server action) once its
// rooms are joined and after every reconnect, merging so an alarm raised while offline appears. High
// priority first, then the oldest; filters live in the URL. One-click acknowledge and escalate; resolve
// and silence ask a reason; keyboard shortcuts; read receipts for rows on screen; notifications to this
// user are acknowledged (delivery receipt).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { loadAlertList } from "@/components/alerts/alert-list-action";
import { useLiveAlerts } from "@/components/alerts/use-live-alerts";
import { useLiveSocket, useRooms, useSocketEvent } from "@/components/live/use-live-socket";
import { equipmentRoomIds } from "@/components/alerts/equipment-room";
import type { AlertView } from "@/lib/alerts/alert-types";
import { keepSelection, moveSelection, type QueueCommand } from "@/components/alerts/keyboard";
import { isLatched } from "@/components/alerts/presentation";
import { matchesFilter, QUEUE_LIMIT, queueSearch, type QueueFilter } from "@/components/alerts/queue-filter";
import { visibleQueue } from "@/components/alerts/queue-state";
import { AlertRow } from "./alert-row";
import { QueueFilters, QueueHeader, ShortcutHelp, type WardOption } from "./queue-toolbar";
import { ReasonDialog, type ReasonRequest } from "./reason-dialog";
import { useQueueActions, type RowAction } from "./use-queue-actions";
import { useQueueKeys } from "./use-queue-keys";
import { useReadReceipts } from "./use-read-receipts";

const CATCH_UP_DEBOUNCE_MS = 150;
const identity = (a: AlertView) => a;

type Props = { alerts: AlertView[]; generatedAt: string; filter: QueueFilter; wards: WardOption[]; equipment: boolean; truncated: boolean };

export function AlertQueue({ alerts, generatedAt, filter, wards, equipment, truncated }: Props) {
  // Ids the server listed for this filter (it also matches a ward by the patient's current bed).
  const [listed, setListed] = useState<ReadonlySet<string>>(() => new Set(alerts.map((a) => a.id)));
  const [listedFrom, setListedFrom] = useState(alerts);
  if (listedFrom !== alerts) {
    setListedFrom(alerts);
    setListed(new Set(alerts.map((a) => a.id)));
  }
  const expected = useCallback((a: AlertView) => matchesFilter(a, filter), [filter]);
  const { known, apply, merge } = useLiveAlerts({ snapshot: alerts, generatedAt, expected, toItem: identity });
  const rows = useMemo(() => visibleQueue(known, filter, listed), [known, filter, listed]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);

  // Catch-up after the rooms are joined and after every reconnect: one query for all wards at once.
  // An answer for a filter no longer shown is dropped.
  const filterKey = queueSearch(filter);
  const currentKey = useRef(filterKey);
  useEffect(() => {
    currentKey.current = filterKey;
  }, [filterKey]);
  const catchUpTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const catchUp = useCallback(() => {
    if (catchUpTimer.current !== null) return;
    catchUpTimer.current = setTimeout(async () => {
      catchUpTimer.current = null;
      const askedFor = queueSearch(filter);
      const r = await loadAlertList({ ...filter, limit: QUEUE_LIMIT, view: "queue" }).catch(() => null);
      if (!r?.ok || askedFor !== currentKey.current) return;
      merge(r.data.alerts, r.data.generatedAt);
      setListed(new Set(r.data.alerts.map((a) => a.id)));
    }, CATCH_UP_DEBOUNCE_MS);
  }, [filter, merge]);
  useEffect(
    () => () => {
      if (catchUpTimer.current !== null) clearTimeout(catchUpTimer.current);
    },
    [],
  );
  const wardIds = useMemo(() => wards.map((w) => w.id), [wards]);
  const [refusal, setRefusal] = useState<string | null>(null);
  useRooms("ward", wardIds, { catchUp: true, onAck: (_id, r) => setRefusal(r.ok ? null : r.error), onResync: catchUp });
  useRooms("equipment", equipmentRoomIds(equipment), { catchUp: true, onAck: (_id, r) => setRefusal(r.ok ? null : r.error), onResync: catchUp });
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
      <div className="overflow-x-auto rounded-md border border-line">
        <table className="w-full min-w-[64rem] border-collapse text-left">
          <thead className="border-b border-line-strong bg-panel text-xs tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className="py-2 pr-2 pl-3 font-semibold">Priority</th>
              <th scope="col" className="px-2 py-2 font-semibold">Patient</th>
              <th scope="col" className="px-2 py-2 font-semibold">Alarm</th>
              <th scope="col" className="px-2 py-2 font-semibold">Age</th>
              <th scope="col" className="px-2 py-2 font-semibold">Status</th>
              <th scope="col" className="py-2 pr-3 pl-2 text-right font-semibold">Actions</th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {rows.map((a) => (
              <AlertRow
                key={a.id}
                alert={a}
                wardCode={a.wardId ? (wardCode.get(a.wardId) ?? null) : null}
                selected={a.id === selected}
                busy={actions.busy.get(a.id) ?? null}
                error={actions.errors.get(a.id) ?? null}
                notifiedLevel={notified.get(a.id) ?? null}
                onSelect={setSelected}
                onAction={onAction}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="px-3 py-8 text-center text-ink-muted" data-testid="queue-empty">
            {filter.state === "open" && !filter.priority && !filter.wardId ? "No open alerts." : "No alerts match these filters."}
          </p>
        )}
      </div>
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
