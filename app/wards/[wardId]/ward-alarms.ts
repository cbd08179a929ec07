// The ward grid's alarms (pure): each patient's top open alarm for the tile (highest priority, then
// unacknowledged before acknowledged, then the oldest), and the acuity order with patients who have an
// open high-priority alarm first, NEWS2 order (ward-order.ts) next.
import { type AlertView } from "@/lib/events";
import { isOpen, PRIORITY_PRESENTATION } from "@/lib/alerts/alert-policy";
import { orderBeds, type OrderKey, type SortMode } from "./ward-order";

export type PatientAlarms = { top: AlertView; open: number };

function rank(a: AlertView): [number, number, number] {
  return [PRIORITY_PRESENTATION[a.priority].rank, a.state === "active" ? 0 : 1, Date.parse(a.raisedAt)];
}

function before(a: AlertView, b: AlertView): boolean {
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]!;
  return a.id < b.id;
}

/** Open alarms per patient: the one the tile shows and how many are open. */
export function alarmsByPatient(alerts: Iterable<AlertView>): Map<string, PatientAlarms> {
  const out = new Map<string, PatientAlarms>();
  for (const a of alerts) {
    if (!a.patientId || !isOpen(a)) continue;
    const cur = out.get(a.patientId);
    if (!cur) out.set(a.patientId, { top: a, open: 1 });
    else out.set(a.patientId, { top: before(a, cur.top) ? a : cur.top, open: cur.open + 1 });
  }
  return out;
}

export type AlarmOrderKey = OrderKey & { highAlarm: boolean };

/** Bed order; by acuity, beds whose patient has an open high alarm come first (stable: NEWS2 order within). */
export function orderBedsWithAlarms<T extends AlarmOrderKey>(items: readonly T[], mode: SortMode): T[] {
  const base = orderBeds(items, mode);
  if (mode !== "acuity") return base;
  return base.sort((a, b) => Number(b.highAlarm) - Number(a.highAlarm));
}
