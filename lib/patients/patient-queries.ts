// Reading the patient registry within the caller's scope. Every function takes the Principal and
// returns only what it may see; callers audit the reads.
import "server-only";
import { patientDisplayName } from "./patient-name";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";

export type PatientSummary = {
  id: string;
  mrn: string;
  name: string;
  birthDate: string;
  age: number;
  spo2Scale: number;
  ward: { id: string; code: string; name: string } | null;
  bed: string | null;
};

export function ageOn(birthDate: Date, at = new Date()): number {
  let age = at.getUTCFullYear() - birthDate.getUTCFullYear();
  const m = at.getUTCMonth() - birthDate.getUTCMonth();
  if (m < 0 || (m === 0 && at.getUTCDate() < birthDate.getUTCDate())) age--;
  return age;
}

export function patientScopeFilter(p: Principal): Prisma.PatientWhereInput {
  if (p.role === "admin") return {};
  if (p.role === "patient") return { id: p.patientId ?? "__none__" };
  if (p.role === "biomed") return { id: "__none__" };
  const care = p.carePatientIds ?? [];
  const ward: Prisma.PatientWhereInput = { bed: { wardId: { in: p.wardIds } } };
  return care.length > 0 ? { OR: [ward, { id: { in: care } }] } : ward;
}

const summarySelect = {
  id: true,
  mrn: true,
  givenName: true,
  familyName: true,
  birthDate: true,
  birthDateEnc: true,
  spo2Scale: true,
  bed: { select: { label: true, ward: { select: { id: true, code: true, name: true } } } },
} satisfies Prisma.PatientSelect;

function toSummary(p: Prisma.PatientGetPayload<{ select: typeof summarySelect }>): PatientSummary {
  return {
    id: p.id,
    mrn: p.mrn,
    name: patientDisplayName(p),
    birthDate: p.birthDate.toISOString().slice(0, 10),
    age: ageOn(p.birthDate),
    spo2Scale: p.spo2Scale,
    ward: p.bed?.ward ?? null,
    bed: p.bed?.label ?? null,
  };
}

export async function listVisiblePatients(p: Principal, filter: { wardId?: string } = {}): Promise<PatientSummary[]> {
  const prisma = await getPrisma();
  const where: Prisma.PatientWhereInput = { AND: [patientScopeFilter(p), filter.wardId ? { bed: { wardId: filter.wardId } } : {}] };
  // Names are encrypted at rest: sorted here, after decryption, not by the database.
  const rows = await prisma.patient.findMany({ where, select: summarySelect });
  rows.sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  return rows.map(toSummary);
}

/** The patient if it exists (null otherwise), with its ward for the scope check. */
export async function findPatient(patientId: string): Promise<PatientSummary | null> {
  const prisma = await getPrisma();
  const row = await prisma.patient.findUnique({ where: { id: patientId }, select: summarySelect });
  return row ? toSummary(row) : null;
}

export async function listVisibleWards(p: Principal) {
  const prisma = await getPrisma();
  if (p.role === "patient" || p.role === "biomed") return [];
  return prisma.ward.findMany({
    where: p.role === "admin" ? {} : { id: { in: p.wardIds } },
    select: { id: true, code: true, name: true, _count: { select: { beds: true } } },
    orderBy: { code: "asc" },
  });
}
