// Wards with their beds and who lies in each (GET /api/v1/wards, the admissions page), in the caller's scope.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";

export type WardBeds = {
  id: string;
  code: string;
  name: string;
  beds: { id: string; label: string; room: string | null; patientId: string | null }[];
};

export async function listWardBeds(p: Principal | null): Promise<WardBeds[]> {
  if (p && (p.role === "patient" || p.role === "biomed")) return [];
  const prisma = await getPrisma();
  const wards = await prisma.ward.findMany({
    where: !p || p.role === "admin" ? {} : { id: { in: p.wardIds } },
    select: {
      id: true,
      code: true,
      name: true,
      beds: { select: { id: true, label: true, room: true, patient: { select: { id: true } } } },
    },
    orderBy: { code: "asc" },
  });
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, undefined, { numeric: true });
  return wards.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    beds: [...w.beds].sort(byLabel).map((b) => ({ id: b.id, label: b.label, room: b.room, patientId: b.patient?.id ?? null })),
  }));
}
