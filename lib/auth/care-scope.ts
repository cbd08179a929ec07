// The home patients a clinician's care-team memberships grant (the Principal's carePatientIds): those openly
// enrolled in a program whose care team the user is on (tables owned by lib/programs). Read here rather than
// imported from lib/programs so that lib/programs may build on lib/auth.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function loadCarePatientIds(prisma: Pick<PrismaClient, "enrolment" | "programCareTeam">, userId: string): Promise<string[]> {
  const teams = await prisma.programCareTeam.findMany({ where: { userId }, select: { programId: true } });
  if (teams.length === 0) return [];
  const rows = await prisma.enrolment.findMany({
    where: { endedAt: null, programId: { in: teams.map((t) => t.programId) } },
    select: { patientId: true },
    distinct: ["patientId"],
    orderBy: { patientId: "asc" },
  });
  return rows.map((r) => r.patientId);
}
