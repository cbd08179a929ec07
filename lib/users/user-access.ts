// Account access beside lib/users/user-admin (disable, role and wards, which publish `access:changed`):
// enable a disabled account, the wall screen flag (no idle timeout), and an admin's sign-out of one user or
// everyone (every session ends; live connections drop). The caller audits.
import "server-only";
import { getPrisma } from "@/lib/db/database";
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

export async function enableUser(email: string): Promise<{ id: string; email: string }> {
  const user = await userByEmail(email);
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: user.id }, data: { disabledAt: null } });
  return { id: user.id, email: user.email };
}

/** A ward wall screen account has no idle timeout (the absolute lifetime still applies). */
export async function setWallScreen(email: string, on: boolean): Promise<{ id: string; email: string; wallScreen: boolean }> {
  const user = await userByEmail(email);
  const prisma = await getPrisma();
  await prisma.userSecurity.upsert({ where: { userId: user.id }, create: { userId: user.id, wallScreen: on }, update: { wallScreen: on } });
  return { id: user.id, email: user.email, wallScreen: on };
}

/** Ends every open session of one user (by email) or of everyone ("all"): an admin's emergency sign-out. */
export async function signOutUsers(target: string): Promise<{ sessionsEnded: number }> {
  const prisma = await getPrisma();
  const userIds =
    target === "all"
      ? (await prisma.userSession.findMany({ where: { revokedAt: null }, select: { userId: true }, distinct: ["userId"] })).map(
          (r) => r.userId,
        )
      : [(await userByEmail(target)).id];
  let sessionsEnded = 0;
  for (const userId of userIds) sessionsEnded += await endUserSessions(userId, "admin");
  return { sessionsEnded };
}
