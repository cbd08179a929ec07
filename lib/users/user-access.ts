// Changes to what an account may do: disable and enable, role, ward assignment, the wall screen flag.
// Each publishes `access:changed` (lib/events), so live connections are dropped or re-scoped at once;
// disabling also ends every open session. The caller audits.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { ROLES, type Role } from "@/lib/auth/principal";
import { endUserSessions } from "@/lib/auth/user-sessions";
import { Refusal } from "@/lib/errors/refusal";

async function userByEmail(email: string) {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, role: true },
  });
  if (!user) throw new Refusal("not_found", `no user with email ${email}`, { field: "email" });
  return user;
}

/** Disables an account: every session ends, tokens stop working, live connections drop. */
export async function disableUser(email: string): Promise<{ id: string; email: string; sessionsEnded: number }> {
  const user = await userByEmail(email);
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  const sessionsEnded = await endUserSessions(user.id, "disabled");
  eventBus().publish("access:changed", { userId: user.id, change: "disabled" });
  return { id: user.id, email: user.email, sessionsEnded };
}

export async function enableUser(email: string): Promise<{ id: string; email: string }> {
  const user = await userByEmail(email);
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: user.id }, data: { disabledAt: null } });
  return { id: user.id, email: user.email };
}

/** Replaces a clinician's ward assignment (ids or codes); duties on wards kept are kept. */
export async function setUserWards(email: string, wardRefs: string[]): Promise<{ id: string; email: string; wards: string[] }> {
  const user = await userByEmail(email);
  if (user.role === "patient" || user.role === "biomed")
    throw new Refusal("invalid", `a ${user.role} account has no wards`, { field: "ward" });
  const prisma = await getPrisma();
  const wards = await prisma.ward.findMany({
    where: { OR: [{ id: { in: wardRefs } }, { code: { in: wardRefs } }] },
    select: { id: true, code: true },
  });
  const unknown = wardRefs.filter((w) => !wards.some((x) => x.id === w || x.code === w));
  if (unknown.length) throw new Refusal("invalid", `no ward with id or code ${unknown.map((u) => `"${u}"`).join(", ")}`, { field: "ward" });
  const ids = wards.map((w) => w.id);
  await prisma.$transaction([
    prisma.userWard.deleteMany({ where: { userId: user.id, wardId: { notIn: ids } } }),
    prisma.userWard.createMany({ data: ids.map((wardId) => ({ userId: user.id, wardId })), skipDuplicates: true }),
  ]);
  eventBus().publish("access:changed", { userId: user.id, change: "wards_changed" });
  return { id: user.id, email: user.email, wards: wards.map((w) => w.code) };
}

export async function setUserRole(email: string, role: string): Promise<{ id: string; email: string; role: Role }> {
  if (!(ROLES as readonly string[]).includes(role)) throw new Refusal("invalid", `must be one of: ${ROLES.join(", ")}`, { field: "role" });
  const user = await userByEmail(email);
  const next = role as Role;
  if ((user.role === "patient") !== (next === "patient")) {
    throw new Refusal("invalid", "a patient account cannot become staff or the reverse; create a new account", { field: "role" });
  }
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: user.id }, data: { role: next } });
  if (next === "biomed") await prisma.userWard.deleteMany({ where: { userId: user.id } });
  eventBus().publish("access:changed", { userId: user.id, change: "role_changed" });
  return { id: user.id, email: user.email, role: next };
}

/** A ward wall screen account has no idle timeout (the absolute lifetime still applies). */
export async function setWallScreen(email: string, on: boolean): Promise<{ id: string; email: string; wallScreen: boolean }> {
  const user = await userByEmail(email);
  const prisma = await getPrisma();
  await prisma.userSecurity.upsert({ where: { userId: user.id }, create: { userId: user.id, wallScreen: on }, update: { wallScreen: on } });
  return { id: user.id, email: user.email, wallScreen: on };
}
