// lib/patient-flow owns patient flow and the KPIs over the database: it loads encounter histories, beds,
// alarms and device connectivity into the plain shapes of lib/adt/flow (the pure math), builds the flow
// report (GET /api/v1/flow, /flow) and the KPI report (GET /api/v1/kpis, CSV, the rows behind a figure).
// This file: encounters and their bed assignments → EncounterHistory (cancelled admissions left out).
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { screenEncounters, type EncounterHistory, type WardBeds } from "@/lib/adt";

/** Encounters that overlap [from, to] (admitted before `to`, not discharged before `from`). */
export async function loadEncounterHistories(from: Date, to: Date): Promise<EncounterHistory[]> {
  const prisma = await getPrisma();
  const rows = await prisma.encounter.findMany({
    where: { status: { not: "cancelled" }, admittedAt: { lt: to }, OR: [{ dischargedAt: null }, { dischargedAt: { gte: from } }] },
    include: { bedAssignments: { orderBy: { fromAt: "asc" }, select: { wardId: true, fromAt: true } } },
    orderBy: { admittedAt: "asc" },
  });
  const histories = rows.map((e): EncounterHistory => {
    const spans = e.bedAssignments;
    const transfers = [];
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.wardId !== spans[i - 1]!.wardId)
        transfers.push({ at: spans[i]!.fromAt, fromWard: spans[i - 1]!.wardId, toWard: spans[i]!.wardId });
    }
    return {
      encounterId: e.id,
      patientId: e.patientId,
      wardId: e.wardId,
      admittedAt: e.admittedAt,
      transfers,
      ...(e.admitDecidedAt ? { admitDecidedAt: e.admitDecidedAt } : {}),
      ...(spans[0] ? { bedAssignedAt: spans[0].fromAt } : {}),
      ...(e.dischargeOrderedAt ? { dischargeOrderedAt: e.dischargeOrderedAt } : {}),
      ...(e.dischargedAt ? { dischargedAt: e.dischargedAt } : {}),
      ...(e.disposition ? { disposition: e.disposition } : {}),
    };
  });
  return screenEncounters(histories).valid;
}

export type WardInfo = { id: string; code: string; name: string; beds: number };

export async function loadWards(wardIds: string[] | null): Promise<WardInfo[]> {
  const prisma = await getPrisma();
  const wards = await prisma.ward.findMany({
    where: wardIds ? { id: { in: wardIds } } : {},
    select: { id: true, code: true, name: true, _count: { select: { beds: true } } },
    orderBy: { code: "asc" },
  });
  return wards.map((w) => ({ id: w.id, code: w.code, name: w.name, beds: w._count.beds }));
}

export const wardBedsOf = (wards: WardInfo[]): WardBeds[] => wards.map((w) => ({ wardId: w.id, beds: w.beds }));
