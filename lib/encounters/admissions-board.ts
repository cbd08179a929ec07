// What the admissions page shows: each ward in scope with its beds, who lies in each (name, MRN, open
// encounter), since when a vacated bed awaits cleaning, and the free beds to admit or transfer to.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import { patientDisplayName } from "@/lib/patients/patient-name";

export type BoardBed = {
  id: string;
  label: string;
  room: string | null;
  /** When the bed was vacated, while it awaits cleaning (lib/encounters/bed-cleaning); else null. */
  awaitingCleaningSince: string | null;
  patient: { id: string; name: string; mrn: string; encounterId: string | null; admittedAt: string | null } | null;
};
export type BoardWard = { id: string; code: string; name: string; beds: BoardBed[] };

export async function loadAdmissionsBoard(p: Principal): Promise<BoardWard[]> {
  const prisma = await getPrisma();
  const wards = await prisma.ward.findMany({
    where: p.role === "admin" ? {} : { id: { in: p.wardIds } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      beds: {
        select: {
          id: true,
          label: true,
          room: true,
          cleanings: { where: { cleanedAt: null }, select: { vacatedAt: true }, orderBy: { vacatedAt: "asc" }, take: 1 },
          patient: {
            select: {
              id: true,
              mrn: true,
              givenName: true,
              familyName: true,
              encounters: { where: { status: "admitted" }, select: { id: true, admittedAt: true }, take: 1 },
            },
          },
        },
      },
    },
  });
  return wards.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    beds: [...w.beds]
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }))
      .map((b) => ({
        id: b.id,
        label: b.label,
        room: b.room,
        awaitingCleaningSince: b.cleanings[0]?.vacatedAt.toISOString() ?? null,
        patient: b.patient
          ? {
              id: b.patient.id,
              name: patientDisplayName(b.patient),
              mrn: b.patient.mrn,
              encounterId: b.patient.encounters[0]?.id ?? null,
              admittedAt: b.patient.encounters[0]?.admittedAt.toISOString() ?? null,
            }
          : null,
      })),
  }));
}
