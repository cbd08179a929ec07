// Bed turnarounds: a bed a patient leaves (discharge, transfer out) waits to be cleaned from that moment
// until someone marks it cleaned. Admitting to a bed awaiting cleaning stays allowed (the PAS is the
// authority); the bed board shows the state and the flow report counts the wait.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkWardAccess, findBed, type AdtActor } from "./encounter-context";

/** Opens a turnaround for a vacated bed (inside the ADT transaction); one open turnaround per bed. */
export async function startBedCleaning(tx: Prisma.TransactionClient, bedId: string, wardId: string, at: Date): Promise<void> {
  const open = await tx.bedCleaning.findFirst({ where: { bedId, cleanedAt: null }, select: { id: true } });
  if (!open) await tx.bedCleaning.create({ data: { bedId, wardId, vacatedAt: at } });
}

export type BedCleaned = { bedId: string; wardId: string; vacatedAt: string; cleanedAt: string; minutes: number };

/** Marks a bed cleaned now: 404 for an unknown bed, 409 when it is not awaiting cleaning. Audited. */
export async function markBedCleaned(actor: AdtActor, bedRef: string): Promise<BedCleaned> {
  const prisma = await getPrisma();
  const at = new Date();
  const by = actor.kind === "user" ? actor.principal.email : actor.source;
  const done = await prisma.$transaction(async (tx) => {
    const bed = await findBed(tx, bedRef, "id");
    checkWardAccess(actor, bed.wardId, "id");
    const open = await tx.bedCleaning.findFirst({ where: { bedId: bed.id, cleanedAt: null }, orderBy: { vacatedAt: "asc" } });
    if (!open) throw new Refusal("conflict", `bed ${bed.wardCode}/${bed.label} is not awaiting cleaning`, { field: "id" });
    const cleanedAt = at < open.vacatedAt ? open.vacatedAt : at;
    await tx.bedCleaning.update({ where: { id: open.id }, data: { cleanedAt, cleanedBy: by } });
    return { bedId: bed.id, wardId: bed.wardId, vacatedAt: open.vacatedAt, cleanedAt };
  });
  const result: BedCleaned = {
    bedId: done.bedId,
    wardId: done.wardId,
    vacatedAt: done.vacatedAt.toISOString(),
    cleanedAt: done.cleanedAt.toISOString(),
    minutes: Math.round((done.cleanedAt.getTime() - done.vacatedAt.getTime()) / 60_000),
  };
  await recordAudit([
    {
      actor:
        actor.kind === "user"
          ? { userId: actor.principal.userId, email: actor.principal.email, role: actor.principal.role }
          : { email: by },
      meta: actor.kind === "user" ? actor.meta : undefined,
      action: "bed.cleaned",
      detail: result,
    },
  ]);
  return result;
}

/** The open turnarounds by bed id (for the bed board). */
export async function awaitingCleaning(bedIds: string[]): Promise<Map<string, Date>> {
  const prisma = await getPrisma();
  const rows = await prisma.bedCleaning.findMany({
    where: { bedId: { in: bedIds }, cleanedAt: null },
    select: { bedId: true, vacatedAt: true },
  });
  return new Map(rows.map((r) => [r.bedId, r.vacatedAt]));
}
