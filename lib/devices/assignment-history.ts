// Where a device was used over time: one row per change of assignment (provisioning, assignment, unassign,
// detach at discharge), with the place as it was then ("WARD/bed", asset tag, location) and who did it.
// Readers outside patient scope (biomed) get the place without the patient.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Pick<Awaited<ReturnType<typeof getPrisma>>, "deviceAssignmentHistory" | "bed" | "patient">;
export type Placement = { patientId: string | null; bedId: string | null; assetTag: string | null; location: string | null };

export type AssignmentChange = {
  deviceId: string;
  placement: Placement;
  actorEmail?: string | null;
  reason?: string | null;
  at?: Date;
};

async function bedRef(db: Db, bedId: string | null): Promise<string | null> {
  if (!bedId) return null;
  const bed = await db.bed.findUnique({ where: { id: bedId }, select: { label: true, ward: { select: { code: true } } } });
  return bed ? `${bed.ward.code}/${bed.label}` : null;
}

export function kindOf(p: Placement): "patient" | "bed" | "asset" | "location" | "none" {
  if (p.patientId) return "patient";
  if (p.bedId) return "bed";
  if (p.assetTag) return "asset";
  if (p.location) return "location";
  return "none";
}

/** Appends the history rows of these changes (inside the caller's transaction when `db` is one). */
export async function recordAssignments(db: Db, changes: AssignmentChange[]): Promise<void> {
  const rows: Prisma.DeviceAssignmentHistoryCreateManyInput[] = [];
  for (const c of changes) {
    const p = c.placement;
    const patientBed = p.patientId
      ? ((await db.patient.findUnique({ where: { id: p.patientId }, select: { bedId: true } }))?.bedId ?? null)
      : null;
    const label = p.patientId ? await bedRef(db, patientBed) : p.bedId ? await bedRef(db, p.bedId) : (p.assetTag ?? p.location);
    rows.push({
      deviceId: c.deviceId,
      at: c.at ?? new Date(),
      kind: kindOf(p),
      patientId: p.patientId,
      label,
      actorEmail: c.actorEmail ?? null,
      reason: c.reason ?? null,
    });
  }
  if (rows.length) await db.deviceAssignmentHistory.createMany({ data: rows });
}

export type AssignmentHistoryEntry = {
  at: string;
  kind: string;
  label: string | null;
  /** Only for viewers who may see patients (admins); the read is the caller's to audit. */
  patient: { id: string; name: string; mrn: string } | null;
  actorEmail: string | null;
  reason: string | null;
};

export async function listAssignmentHistory(
  deviceId: string,
  viewer: { showPatients: boolean },
  limit = 50,
): Promise<{ entries: AssignmentHistoryEntry[]; patientIds: string[] }> {
  const prisma = await getPrisma();
  const rows = await prisma.deviceAssignmentHistory.findMany({
    where: { deviceId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  const ids = viewer.showPatients ? [...new Set(rows.flatMap((r) => (r.patientId ? [r.patientId] : [])))] : [];
  const patients = ids.length
    ? await prisma.patient.findMany({ where: { id: { in: ids } }, select: { id: true, mrn: true, givenName: true, familyName: true } })
    : [];
  const byId = new Map(patients.map((p) => [p.id, { id: p.id, name: `${p.givenName} ${p.familyName}`, mrn: p.mrn }]));
  return {
    entries: rows.map((r) => ({
      at: r.at.toISOString(),
      kind: r.kind,
      label: r.label,
      patient: r.patientId ? (byId.get(r.patientId) ?? null) : null,
      actorEmail: r.actorEmail,
      reason: r.reason,
    })),
    patientIds: [...byId.keys()],
  };
}
