// Managing a program's care team: admins put nurses and physicians on it and take them off (each change
// audited; the clinician's live connections gain or lose the program's patients at once); the team and
// admins read who is on it.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { requireProgramTeam } from "./program-access";
import { addToCareTeam, removeFromCareTeam } from "./programs";

export type CareTeamMember = { userId: string; name: string; email: string; role: string; addedAt: string };

function requireAdmin(p: Principal): void {
  if (p.role !== "admin") throw new Refusal("forbidden", "only administrators change a program's care team");
}

export async function listCareTeamMembers(p: Principal, programId: string): Promise<CareTeamMember[]> {
  await requireProgramTeam(p, programId);
  const prisma = await getPrisma();
  const rows = await prisma.programCareTeam.findMany({ where: { programId }, select: { userId: true, addedAt: true } });
  const users = await prisma.user.findMany({
    where: { id: { in: rows.map((r) => r.userId) } },
    select: { id: true, name: true, email: true, role: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows
    .flatMap((r) => {
      const u = byId.get(r.userId);
      return u ? [{ userId: u.id, name: u.name, email: u.email, role: u.role, addedAt: r.addedAt.toISOString() }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

export async function addCareTeamMember(p: Principal, programId: string, userId: string, meta: RequestMeta): Promise<CareTeamMember> {
  requireAdmin(p);
  await requireProgramTeam(p, programId);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabledAt: true } });
  if (!user) throw new Refusal("not_found", "user not found", { field: "userId" });
  if (user.role !== "nurse" && user.role !== "physician") {
    throw new Refusal("invalid", `a ${user.role} cannot be on a care team (nurses and physicians only)`, { field: "userId" });
  }
  if (user.disabledAt) throw new Refusal("invalid", "this account is disabled", { field: "userId" });
  await addToCareTeam(programId, userId);
  await recordAudit([{ actor: p, action: "program.care_team_add", meta, detail: { programId, userId } }]);
  const member = (await listCareTeamMembers(p, programId)).find((m) => m.userId === userId);
  if (!member) throw new Refusal("not_found", "user not found", { field: "userId" });
  return member;
}

export async function removeCareTeamMember(p: Principal, programId: string, userId: string, meta: RequestMeta): Promise<void> {
  requireAdmin(p);
  await requireProgramTeam(p, programId);
  const prisma = await getPrisma();
  if ((await prisma.programCareTeam.count({ where: { programId, userId } })) === 0) {
    throw new Refusal("not_found", "this user is not on the program's care team", { field: "userId" });
  }
  await removeFromCareTeam(programId, userId);
  await recordAudit([{ actor: p, action: "program.care_team_remove", meta, detail: { programId, userId } }]);
}
