// Where a device is used: the assignment target (patient, bed, asset tag or location) and its request body,
// turning a validated target into the device columns it sets, and assigning or unassigning an active device,
// announced on the bus ("device:changed", change "assigned"). With `audit`, also written to the audit trail.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { recordAssignments } from "./assignment-history";
import { changeableDevice } from "./changeable-device";

/** Where a device is used. Exactly one at a time; "none" clears the assignment. */
export type AssignTarget =
  | { kind: "patient"; patientId: string }
  /** A bed id, or "WARD/label" such as "4E/3". */
  | { kind: "bed"; bed: string }
  | { kind: "asset"; tag: string }
  | { kind: "location"; text: string }
  | { kind: "none" };

const ASSET_TAG = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const LOCATION_MAX = 120;

/** Request body of an assignment (API, server actions): exactly one of the keys. */
export const assignmentBodySchema = z
  .object({
    patientId: z.string().trim().min(1).max(100).optional(),
    bed: z.string().trim().min(1).max(100).optional(),
    assetTag: z.string().trim().min(1).max(64).optional(),
    location: z.string().trim().min(1).max(LOCATION_MAX).optional(),
    unassign: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of patientId, bed, assetTag, location or unassign: true",
  })
  .transform((b): AssignTarget => {
    if (b.patientId) return { kind: "patient", patientId: b.patientId };
    if (b.bed) return { kind: "bed", bed: b.bed };
    if (b.assetTag) return { kind: "asset", tag: b.assetTag };
    if (b.location) return { kind: "location", text: b.location };
    return { kind: "none" };
  });

type Placement = { patientId: string | null; bedId: string | null; assetTag: string | null; location: string | null };
type Prisma = Awaited<ReturnType<typeof getPrisma>>;

async function resolveBed(prisma: Prisma, ref: string): Promise<{ id: string; label: string }> {
  const slash = ref.indexOf("/");
  const bed =
    slash > 0
      ? await prisma.bed.findFirst({
          where: { label: ref.slice(slash + 1).trim(), ward: { code: { equals: ref.slice(0, slash).trim(), mode: "insensitive" } } },
          select: { id: true, label: true, ward: { select: { code: true } } },
        })
      : await prisma.bed.findUnique({ where: { id: ref }, select: { id: true, label: true, ward: { select: { code: true } } } });
  if (!bed) throw new Refusal("invalid", `no bed "${ref}" (use WARD/label such as 4E/3, or a bed id)`, { field: "bed" });
  return { id: bed.id, label: `${bed.ward.code}/${bed.label}` };
}

/** Validates a target and turns it into the device columns it sets (the others are cleared). */
export async function placementOf(prisma: Prisma, target: AssignTarget): Promise<{ placement: Placement; label: string | null }> {
  const none: Placement = { patientId: null, bedId: null, assetTag: null, location: null };
  switch (target.kind) {
    case "patient": {
      const patient = await prisma.patient.findUnique({
        where: { id: target.patientId.trim() },
        select: { id: true, bedId: true, encounters: { orderBy: { admittedAt: "desc" }, take: 1, select: { status: true } } },
      });
      if (!patient) throw new Refusal("invalid", `no patient with id "${target.patientId}"`, { field: "patient" });
      // A discharged patient leaves no device attached, and gets none until admitted again.
      const last = patient.encounters[0]?.status;
      if (!patient.bedId && last && last !== "admitted")
        throw new Refusal("invalid", "the patient is not admitted (discharged); admit them first", { field: "patient" });
      return { placement: { ...none, patientId: patient.id }, label: null };
    }
    case "bed": {
      const bed = await resolveBed(prisma, target.bed.trim());
      return { placement: { ...none, bedId: bed.id }, label: bed.label };
    }
    case "asset": {
      const tag = target.tag.trim();
      if (!ASSET_TAG.test(tag))
        throw new Refusal("invalid", "use letters, digits and . _ : - (at most 64), e.g. PUMP-0042", { field: "assetTag" });
      return { placement: { ...none, assetTag: tag }, label: tag };
    }
    case "location": {
      const text = target.text.trim();
      if (!text) throw new Refusal("invalid", "is empty", { field: "location" });
      if (text.length > LOCATION_MAX) throw new Refusal("invalid", `is longer than ${LOCATION_MAX} characters`, { field: "location" });
      if (/[\p{Cc}]/u.test(text)) throw new Refusal("invalid", "may not contain control characters", { field: "location" });
      return { placement: { ...none, location: text }, label: text };
    }
    case "none":
      return { placement: none, label: null };
  }
}

/** Assigns an active device to one patient, bed, asset tag or location (or none), replacing the previous one. */
export async function assignDevice(
  deviceId: string,
  target: AssignTarget,
  opts: { audit?: AuditBy } = {},
): Promise<Placement & { id: string; label: string | null }> {
  const prisma = await getPrisma();
  const existing = changeableDevice(
    deviceId,
    await prisma.device.findUnique({
      where: { id: deviceId },
      select: { id: true, status: true, patientId: true, bedId: true, assetTag: true, location: true },
    }),
  );
  const { placement, label } = await placementOf(prisma, target);
  await prisma.device.update({ where: { id: deviceId }, data: placement });
  await recordAssignments(prisma, [
    { deviceId, placement, actorEmail: opts.audit?.actor.email, reason: target.kind === "none" ? "unassigned" : "assigned" },
  ]);
  eventBus().publish("device:changed", { deviceId, change: "assigned" });
  if (opts.audit) {
    const { id: _id, status: _status, ...previous } = existing;
    await recordAudit([
      {
        ...opts.audit,
        action: target.kind === "none" ? "device.unassign" : "device.assign",
        patientId: placement.patientId ?? existing.patientId,
        detail: { deviceId, kind: target.kind, ...placement, label, previous },
      },
    ]);
  }
  return { id: deviceId, ...placement, label };
}

export function unassignDevice(deviceId: string, opts: { audit?: AuditBy } = {}) {
  return assignDevice(deviceId, { kind: "none" }, opts);
}
