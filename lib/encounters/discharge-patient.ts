// Discharge: ends an admitted encounter with a disposition (PV1-36, HL7 table 0112), frees the bed and
// detaches every device from the patient (a discharged patient leaves no device attached; devices at the
// bed stay with the bed and report for nobody until the next patient).
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { recordAssignments } from "@/lib/devices/assignment-history";
import { Refusal } from "@/lib/errors/refusal";
import { DISCHARGE_DISPOSITIONS } from "@/lib/adt/dispositions";
import { announceDeviceMoves, auditAdt, checkWardAccess, eventTime, publishDeviceMoves, type AdtActor } from "./encounter-context";
import { startBedCleaning } from "./bed-cleaning";
import { findOpenEncounter, loadEncounterView, type EncounterView } from "./encounter-view";

const CODES = Object.keys(DISCHARGE_DISPOSITIONS);

export const dischargeBodySchema = z
  .object({
    disposition: z
      .string()
      .trim()
      .refine((c) => CODES.includes(c), `must be a discharge disposition code (HL7 table 0112): ${CODES.join(", ")}`),
    at: z.coerce.date().optional(),
    dischargeOrderedAt: z.coerce.date().optional(),
  })
  .strict();
export type DischargeInput = z.infer<typeof dischargeBodySchema>;

export async function dischargePatient(actor: AdtActor, encounterId: string, raw: DischargeInput): Promise<EncounterView> {
  const parsed = dischargeBodySchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Refusal("invalid", i.message, { field: i.path.join(".") || "disposition" });
  }
  const input = parsed.data;
  const at = eventTime(input.at);
  const prisma = await getPrisma();
  let moved: string[] = [];
  let detached: string[] = [];
  let leftBed: string | null = null;
  await prisma.$transaction(async (tx) => {
    const { encounter, assignment } = await findOpenEncounter(tx, encounterId);
    if (assignment) checkWardAccess(actor, assignment.wardId, "encounterId");
    if (at < encounter.admittedAt) throw new Refusal("invalid", "must not be before the admission", { field: "at" });
    if (input.dischargeOrderedAt && (input.dischargeOrderedAt > at || input.dischargeOrderedAt < encounter.admittedAt))
      throw new Refusal("invalid", "must be between the admission and the discharge", { field: "dischargeOrderedAt" });
    if (assignment) await tx.bedAssignment.update({ where: { id: assignment.id }, data: { toAt: at } });
    if (assignment) await startBedCleaning(tx, assignment.bedId, assignment.wardId, at);
    leftBed = assignment?.bedId ?? null;
    await tx.encounter.update({
      where: { id: encounterId },
      data: {
        status: "discharged",
        dischargedAt: at,
        disposition: input.disposition,
        dischargeOrderedAt: input.dischargeOrderedAt ?? null,
      },
    });
    await tx.patient.update({ where: { id: encounter.patientId }, data: { bedId: null } });
    moved = await announceDeviceMoves(tx, assignment ? [assignment.bedId] : [], encounter.patientId);
    detached = (await tx.device.findMany({ where: { patientId: encounter.patientId }, select: { id: true } })).map((d) => d.id);
    await tx.device.updateMany({ where: { patientId: encounter.patientId }, data: { patientId: null } });
    await recordAssignments(
      tx,
      detached.map((deviceId) => ({
        deviceId,
        placement: { patientId: null, bedId: null, assetTag: null, location: null },
        actorEmail: actor.kind === "user" ? actor.principal.email : actor.source,
        reason: "patient discharged",
        at,
      })),
    );
  });
  publishDeviceMoves(moved);
  const view = await loadEncounterView(prisma, encounterId);
  const left = leftBed ? await prisma.bed.findUnique({ where: { id: leftBed }, include: { ward: { select: { code: true } } } }) : null;
  eventBus().publish("patient:discharged", {
    patientId: view.patientId,
    encounterId,
    bed: left ? { id: left.id, ref: `${left.ward.code}/${left.label}`, wardId: left.wardId, room: left.room } : null,
    deviceIds: detached,
    at: at.getTime(),
  });
  await auditAdt(actor, "encounter.discharge", view.patientId, {
    encounterId,
    disposition: input.disposition,
    at: at.toISOString(),
    detachedDevices: detached,
  });
  return view;
}
