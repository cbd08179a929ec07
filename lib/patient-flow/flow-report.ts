// The flow report of one ward or the whole hospital: census now, admissions and discharges in the period
// (default today), length of stay by ward, decision-to-bed and discharge-order-to-left waits, where
// patients wait now, and the 30-day trend. All math is lib/adt/flow's; this gathers the inputs.
import "server-only";
import {
  admitDecisionToBed,
  bedVacatedToCleaned,
  censusAt,
  dailyFlowTrend,
  dischargeOrderToDeparture,
  lengthOfStayByWard,
  movementsIn,
  waitsNow,
  type FlowDay,
  type Kpi,
  type Movements,
  type Percentiles,
  type WaitsNow,
  type WardCensus,
  type WardLengthOfStay,
} from "@/lib/adt";
import { getPrisma } from "@/lib/db/database";
import { loadEncounterHistories, loadWards, wardBedsOf, type WardInfo } from "./load-histories";

export const TREND_DAYS = 30;
const DAY_MS = 86_400_000;

export type FlowReport = {
  wardId: string | null;
  from: string;
  to: string;
  generatedAt: string;
  wards: WardInfo[];
  census: WardCensus[];
  movements: Movements;
  lengthOfStay: WardLengthOfStay[];
  admitToBed: Kpi<Percentiles>;
  dischargeToLeft: Kpi<Percentiles>;
  /** Bed turnaround: vacated → cleaned (bed_cleanings). */
  bedToClean: Kpi<Percentiles>;
  waitsNow: WaitsNow;
  trend: FlowDay[];
};

/** `wardIds` null: every ward. With one ward, every figure is that ward's. */
export async function buildFlowReport(opts: { wardIds: string[] | null; from: Date; to: Date; now?: Date }): Promise<FlowReport> {
  const now = opts.now ?? new Date();
  const wards = await loadWards(opts.wardIds);
  const wardId = opts.wardIds?.length === 1 ? opts.wardIds[0]! : undefined;
  const ids = wards.map((w) => w.id);
  const earliest = new Date(Math.min(opts.from.getTime(), now.getTime() - (TREND_DAYS + 1) * DAY_MS));
  const all = await loadEncounterHistories(earliest, new Date(Math.max(opts.to.getTime(), now.getTime())));
  const inScope = opts.wardIds
    ? all.filter((e) => ids.includes(e.wardId) || e.transfers.some((t) => ids.includes(t.toWard) || ids.includes(t.fromWard)))
    : all;
  const window = { from: opts.from, to: opts.to };
  const cleanings = await (
    await getPrisma()
  ).bedCleaning.findMany({
    where: { wardId: { in: ids }, OR: [{ cleanedAt: null }, { cleanedAt: { gte: earliest } }] },
    select: { bedId: true, wardId: true, vacatedAt: true, cleanedAt: true },
  });
  const bedTurnarounds = cleanings.map((c) => ({
    bedId: c.bedId,
    wardId: c.wardId,
    vacatedAt: c.vacatedAt,
    cleanedAt: c.cleanedAt ?? undefined,
  }));
  const scope = wardId ? { wardId } : {};
  const movements = movementsIn(inScope, window, ids);
  return {
    wardId: wardId ?? null,
    from: opts.from.toISOString(),
    to: opts.to.toISOString(),
    generatedAt: now.toISOString(),
    wards,
    census: censusAt(inScope, now, ids).filter((c) => ids.includes(c.wardId)),
    movements: { ...movements, byWard: movements.byWard.filter((w) => ids.includes(w.wardId)) },
    lengthOfStay: lengthOfStayByWard(inScope, window, ids).filter((w) => ids.includes(w.wardId)),
    admitToBed: admitDecisionToBed(inScope, window, scope),
    dischargeToLeft: dischargeOrderToDeparture(inScope, window, scope),
    bedToClean: bedVacatedToCleaned(bedTurnarounds, window, scope),
    waitsNow: waitsNow(inScope, now, { ...scope, bedTurnarounds }),
    trend: dailyFlowTrend(inScope, { lastDay: now.toISOString().slice(0, 10), days: TREND_DAYS, ...scope, wardBeds: wardBedsOf(wards) }),
  };
}
