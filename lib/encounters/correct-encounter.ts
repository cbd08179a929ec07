// Corrections: cancel an admission entered in error (HL7 A11) and cancel a discharge (A13). A cancelled
// admission frees the bed at once; a cancelled discharge puts the patient back in the last bed from the
// moment of the correction (if it is still free), never retroactively.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAssignments } from "@/lib/devices/assignment-history";
import { Refusal } from "@/lib/errors/refusal";
import {
  announceDeviceMoves,
  auditAdt,
  checkWardAccess,
  eventTime,
  isUniqueViolation,
  publishDeviceMoves,
  type AdtActor,
} from "./encounter-context";
import { findOpenEncounter, loadEncounterView, type EncounterView } from "./encounter-view";

export async function cancelAdmission(actor: AdtActor, encounterId: string, atInput?: Date): Promise<EncounterView> {
  const at = eventTime(atInput);
  const prisma = await getPrisma();
  let moved: string[] = [];
  await prisma.$transaction(async (tx) => {
    const { encounter, assignment } = await findOpenEncounter(tx, encounterId);
    if (assignment) checkWardAccess(actor, assignment.wardId, "encounterId");
    if (assignment)
      await tx.bedAssignment.update({ where: { id: assignment.id }, data: { toAt: at < assignment.fromAt ? assignment.fromAt : at } });
    await tx.encounter.update({ where: { id: encounterId }, data: { status: "cancelled" } });
    await tx.patient.update({ where: { id: encounter.patientId }, data: { bedId: null } });
    moved = await announceDeviceMoves(tx, assignment ? [assignment.bedId] : [], encounter.patientId);
    const detached = await tx.device.findMany({ where: { patientId: encounter.patientId }, select: { id: true } });
    await tx.device.updateMany({ where: { patientId: encounter.patientId }, data: { patientId: null } });
    await recordAssignments(
      tx,
      detached.map((d) => ({
        deviceId: d.id,
        placement: { patientId: null, bedId: null, assetTag: null, location: null },
        actorEmail: actor.kind === "user" ? actor.principal.email : actor.source,
        reason: "admission cancelled",
        at,
      })),
    );
  });
  publishDeviceMoves(moved);
  const view = await loadEncounterView(prisma, encounterId);
  await auditAdt(actor, "encounter.cancel_admission", view.patientId, { encounterId });
  return view;
}

export async function cancelDischarge(actor: AdtActor, encounterId: string, atInput?: Date): Promise<EncounterView> {
  const at = eventTime(atInput);
  const prisma = await getPrisma();
  let moved: string[] = [];
  try {
    await prisma.$transaction(async (tx) => {
      const e = await tx.encounter.findUnique({
        where: { id: encounterId },
        include: { bedAssignments: { orderBy: { fromAt: "desc" }, take: 1 } },
      });
      if (!e) throw new Refusal("not_found", `no encounter with id "${encounterId}"`, { field: "encounterId" });
      if (e.status !== "discharged")
        throw new Refusal("conflict", `the encounter is ${e.status}, not discharged`, { field: "encounterId" });
      const other = await tx.encounter.findFirst({ where: { patientId: e.patientId, status: "admitted" }, select: { id: true } });
      if (other)
        throw new Refusal("conflict", `the patient has been admitted again since (encounter ${other.id})`, { field: "encounterId" });
      const last = e.bedAssignments[0];
      if (last) {
        checkWardAccess(actor, last.wardId, "encounterId");
        const occupant = await tx.patient.findFirst({ where: { bedId: last.bedId }, select: { id: true } });
        if (occupant)
          throw new Refusal("conflict", "the patient's last bed is occupied now; admit to another bed instead", { field: "encounterId" });
        await tx.bedAssignment.create({
          data: { encounterId, patientId: e.patientId, bedId: last.bedId, wardId: last.wardId, fromAt: at },
        });
        await tx.patient.update({ where: { id: e.patientId }, data: { bedId: last.bedId } });
        moved = await announceDeviceMoves(tx, [last.bedId], e.patientId);
      }
      await tx.encounter.update({
        where: { id: encounterId },
        data: { status: "admitted", dischargedAt: null, disposition: null, dischargeOrderedAt: null },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Refusal("conflict", "the bed was taken meanwhile", { field: "encounterId" });
    throw err;
  }
  publishDeviceMoves(moved);
  const view = await loadEncounterView(prisma, encounterId);
  await auditAdt(actor, "encounter.cancel_discharge", view.patientId, { encounterId });
  return view;
}
