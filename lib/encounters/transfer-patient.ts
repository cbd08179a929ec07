// Transfer: moves an admitted patient to another free bed at a moment. The old bed assignment ends and the
// new one starts at that moment, so the devices at the new bed report for this patient from then on and
// the old bed's devices stop doing so; frames before the moment keep their owner (never retroactive).
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import {
  announceDeviceMoves,
  auditAdt,
  checkWardAccess,
  eventTime,
  findBed,
  isUniqueViolation,
  publishDeviceMoves,
  type AdtActor,
} from "./encounter-context";
import { startBedCleaning } from "./bed-cleaning";
import { findOpenEncounter, loadEncounterView, type EncounterView } from "./encounter-view";

export const transferBodySchema = z
  .object({
    /** A bed id or "WARD/label". */
    bedId: z.string().trim().min(1, "is required"),
    at: z.coerce.date().optional(),
  })
  .strict();
export type TransferInput = z.infer<typeof transferBodySchema>;

export async function transferPatient(actor: AdtActor, encounterId: string, input: TransferInput): Promise<EncounterView> {
  const at = eventTime(input.at);
  const prisma = await getPrisma();
  let moved: string[] = [];
  let from: string | null = null;
  try {
    await prisma.$transaction(async (tx) => {
      const { encounter, assignment } = await findOpenEncounter(tx, encounterId);
      if (assignment) checkWardAccess(actor, assignment.wardId, "encounterId");
      const bed = await findBed(tx, input.bedId);
      checkWardAccess(actor, bed.wardId);
      if (assignment?.bedId === bed.id) throw new Refusal("invalid", "the patient already lies in this bed", { field: "bedId" });
      if (bed.occupantId) throw new Refusal("conflict", `bed ${bed.wardCode}/${bed.label} is occupied`, { field: "bedId" });
      if (assignment && at < assignment.fromAt)
        throw new Refusal("invalid", `must not be before the patient came to the current bed (${assignment.fromAt.toISOString()})`, {
          field: "at",
        });
      if (assignment) await tx.bedAssignment.update({ where: { id: assignment.id }, data: { toAt: at } });
      if (assignment) await startBedCleaning(tx, assignment.bedId, assignment.wardId, at);
      from = assignment?.bedId ?? null;
      // Free the old bed first: patients.bed_id is unique.
      await tx.patient.update({ where: { id: encounter.patientId }, data: { bedId: null } });
      await tx.bedAssignment.create({
        data: { encounterId, patientId: encounter.patientId, bedId: bed.id, wardId: bed.wardId, fromAt: at },
      });
      await tx.patient.update({ where: { id: encounter.patientId }, data: { bedId: bed.id } });
      moved = await announceDeviceMoves(tx, [bed.id, ...(assignment ? [assignment.bedId] : [])], encounter.patientId);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Refusal("conflict", "the bed was taken meanwhile", { field: "bedId" });
    throw err;
  }
  publishDeviceMoves(moved);
  const view = await loadEncounterView(prisma, encounterId);
  await auditAdt(actor, "encounter.transfer", view.patientId, { encounterId, fromBedId: from, bed: view.bed, at: at.toISOString() });
  return view;
}
