// The encounter as the API, the pages and the CLI show it.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/errors/refusal";

export type EncounterView = {
  id: string;
  patientId: string;
  status: string;
  patientClass: string;
  visitNumber: string | null;
  wardId: string | null;
  bed: { id: string; label: string; room: string | null; wardId: string; wardCode: string } | null;
  admittedAt: string;
  dischargedAt: string | null;
  disposition: string | null;
  readmissionOfId: string | null;
  source: string;
};

export async function loadEncounterView(tx: Prisma.TransactionClient, id: string): Promise<EncounterView> {
  const e = await tx.encounter.findUnique({
    where: { id },
    include: {
      bedAssignments: { where: { toAt: null }, take: 1 },
    },
  });
  if (!e) throw new Refusal("not_found", `no encounter with id "${id}"`, { field: "encounterId" });
  const open = e.bedAssignments[0];
  const bed = open
    ? await tx.bed.findUnique({
        where: { id: open.bedId },
        select: { id: true, label: true, room: true, wardId: true, ward: { select: { code: true } } },
      })
    : null;
  return {
    id: e.id,
    patientId: e.patientId,
    status: e.status,
    patientClass: e.patientClass,
    visitNumber: e.visitNumber,
    wardId: bed?.wardId ?? e.wardId,
    bed: bed ? { id: bed.id, label: bed.label, room: bed.room, wardId: bed.wardId, wardCode: bed.ward.code } : null,
    admittedAt: e.admittedAt.toISOString(),
    dischargedAt: e.dischargedAt?.toISOString() ?? null,
    disposition: e.disposition,
    readmissionOfId: e.readmissionOfId,
    source: e.source,
  };
}

/** An encounter that is still open (admitted), with its current bed assignment. */
export async function findOpenEncounter(tx: Prisma.TransactionClient, id: string) {
  const e = await tx.encounter.findUnique({ where: { id }, include: { bedAssignments: { where: { toAt: null } } } });
  if (!e) throw new Refusal("not_found", `no encounter with id "${id}"`, { field: "encounterId" });
  if (e.status !== "admitted") throw new Refusal("conflict", `the encounter is ${e.status}`, { field: "encounterId" });
  return { encounter: e, assignment: e.bedAssignments[0] ?? null };
}
