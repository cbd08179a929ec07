// The demo's remote monitoring programs (lib/programs): diabetes, hypertension and asthma/COPD, with the demo
// physician and the demo ward nurse on each care team, and the demo home patients (lib/seed/demo-home.ts)
// enrolled by MRN. Idempotent on every start; a missing MRN or account is skipped, never a failed seed.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { ProgramKind } from "@/lib/generated/prisma/client";

export const DEMO_PROGRAMS: { kind: ProgramKind; name: string; mrn: string }[] = [
  { kind: "diabetes", name: "Diabetes (CGM)", mrn: "H-1001" },
  { kind: "hypertension", name: "Hypertension (home BP)", mrn: "H-1002" },
  { kind: "asthma_copd", name: "Asthma / COPD (smart inhaler)", mrn: "H-1003" },
];
export const DEMO_CARE_TEAM = ["physician@demo.local", "nurse@demo.local"];

export async function seedDemoPrograms(): Promise<void> {
  const prisma = await getPrisma();
  const team = await prisma.user.findMany({ where: { email: { in: DEMO_CARE_TEAM } }, select: { id: true } });
  for (const d of DEMO_PROGRAMS) {
    const program =
      (await prisma.program.findFirst({ where: { kind: d.kind }, orderBy: { createdAt: "asc" } })) ??
      (await prisma.program.create({ data: { kind: d.kind, name: d.name } }));
    await prisma.programCareTeam.createMany({ data: team.map((u) => ({ programId: program.id, userId: u.id })), skipDuplicates: true });
    const patient = await prisma.patient.findUnique({ where: { mrn: d.mrn }, select: { id: true } });
    if (!patient) continue;
    const open = await prisma.enrolment.findFirst({ where: { programId: program.id, patientId: patient.id, endedAt: null } });
    if (!open) await prisma.enrolment.create({ data: { programId: program.id, patientId: patient.id } });
  }
}
