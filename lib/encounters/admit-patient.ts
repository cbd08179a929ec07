// Admit: opens an encounter for a patient in a free bed. A bed holds one patient (refused otherwise, and
// patients.bed_id is unique so two admissions racing for one bed cannot both win); a patient already
// admitted is refused; a discharge within the 30 days before links the new encounter as a readmission.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { isDeathDisposition } from "@/lib/adt/dispositions";
import {
  announceDeviceMoves,
  auditAdt,
  checkWardAccess,
  eventTime,
  findBed,
  isUniqueViolation,
  publishDeviceMoves,
  sourceOf,
  type AdtActor,
} from "./encounter-context";
import { loadEncounterView, type EncounterView } from "./encounter-view";

export const READMISSION_WINDOW_MS = 30 * 86_400_000;

export const admitBodySchema = z
  .object({
    patientId: z.string().trim().min(1, "is required"),
    /** A bed id or "WARD/label". */
    bedId: z.string().trim().min(1, "is required"),
    admittedAt: z.coerce.date().optional(),
    admitDecidedAt: z.coerce.date().optional(),
    patientClass: z.enum(["I", "E", "O", "B", "R", "P", "C", "N", "U"]).optional(),
    visitNumber: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type AdmitInput = z.infer<typeof admitBodySchema>;

export async function admitPatient(actor: AdtActor, input: AdmitInput): Promise<EncounterView> {
  const admittedAt = eventTime(input.admittedAt, "admittedAt");
  if (input.admitDecidedAt && input.admitDecidedAt > admittedAt)
    throw new Refusal("invalid", "must not be after the admission", { field: "admitDecidedAt" });
  const prisma = await getPrisma();
  let moved: string[] = [];
  let encounterId: string;
  try {
    encounterId = await prisma.$transaction(async (tx) => {
      const patient = await tx.patient.findUnique({ where: { id: input.patientId }, select: { id: true, bedId: true } });
      if (!patient) throw new Refusal("not_found", `no patient with id "${input.patientId}"`, { field: "patientId" });
      const bed = await findBed(tx, input.bedId);
      checkWardAccess(actor, bed.wardId);
      const open = await tx.encounter.findFirst({ where: { patientId: patient.id, status: "admitted" }, select: { id: true } });
      if (open) throw new Refusal("conflict", `the patient is already admitted (encounter ${open.id})`, { field: "patientId" });
      if (patient.bedId) throw new Refusal("conflict", "the patient already lies in a bed", { field: "patientId" });
      if (bed.occupantId) throw new Refusal("conflict", `bed ${bed.wardCode}/${bed.label} is occupied`, { field: "bedId" });
      if (input.visitNumber && (await tx.encounter.findUnique({ where: { visitNumber: input.visitNumber }, select: { id: true } })))
        throw new Refusal("conflict", `visit number ${input.visitNumber} is already used`, { field: "visitNumber" });
      const previous = await tx.encounter.findFirst({
        where: {
          patientId: patient.id,
          status: "discharged",
          dischargedAt: { gte: new Date(admittedAt.getTime() - READMISSION_WINDOW_MS), lte: admittedAt },
        },
        orderBy: { dischargedAt: "desc" },
        select: { id: true, disposition: true },
      });
      const encounter = await tx.encounter.create({
        data: {
          patientId: patient.id,
          wardId: bed.wardId,
          patientClass: input.patientClass ?? "I",
          visitNumber: input.visitNumber ?? null,
          admitDecidedAt: input.admitDecidedAt ?? null,
          admittedAt,
          readmissionOfId: previous && !isDeathDisposition(previous.disposition) ? previous.id : null,
          source: sourceOf(actor),
        },
      });
      await tx.bedAssignment.create({
        data: { encounterId: encounter.id, patientId: patient.id, bedId: bed.id, wardId: bed.wardId, fromAt: admittedAt },
      });
      await tx.patient.update({ where: { id: patient.id }, data: { bedId: bed.id } });
      moved = await announceDeviceMoves(tx, [bed.id], patient.id);
      return encounter.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Refusal("conflict", "the bed was taken meanwhile", { field: "bedId" });
    throw err;
  }
  publishDeviceMoves(moved);
  const view = await loadEncounterView(prisma, encounterId);
  await auditAdt(actor, "encounter.admit", view.patientId, { encounterId, bed: view.bed, readmissionOfId: view.readmissionOfId });
  return view;
}
