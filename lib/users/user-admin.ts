// Staff administration: list, invite (a one-time link that sets the password; only its hash is kept),
// accept an invite, change role and wards, disable. Disabling stamps users.disabled_at, revokes every API
// token at once, ends the user's server-side sessions (lib/auth/user-sessions) and publishes
// `access:changed` so live connections drop the user.
import "server-only";
import { z } from "zod";
import { endUserSessions } from "@/lib/auth/user-sessions";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/principal";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { createUser } from "./manage-users";

export const INVITE_TTL_MS = 7 * 86_400_000;

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: string | null;
  invitePending: boolean;
  wards: { id: string; code: string }[];
};

export async function listUsers(): Promise<UserView[]> {
  const prisma = await getPrisma();
  const users = await prisma.user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      wards: { select: { ward: { select: { id: true, code: true } } } },
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
  const pending = new Set(
    (await prisma.userInvite.findMany({ where: { usedAt: null, expiresAt: { gt: new Date() } }, select: { userId: true } })).map(
      (i) => i.userId,
    ),
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    invitePending: pending.has(u.id),
    wards: u.wards.map((w) => w.ward),
  }));
}

export const newUserBodySchema = z
  .object({
    email: z.string().trim().email("must be an email address"),
    name: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES, { error: `must be one of: ${ROLES.join(", ")}` }),
    wards: z.array(z.string().min(1)).max(50).default([]),
    patientId: z.string().min(1).optional(),
    /** Set a password now; without it the user gets a one-time invite link. */
    password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).optional(),
  })
  .strict();
export type NewUserInput = z.input<typeof newUserBodySchema>;

/** Creates a user with a password, or (without one) with an unusable password and a one-time invite. */
export async function addUser(
  raw: NewUserInput,
  by: AuditBy,
): Promise<{ user: UserView; invite: { token: string; path: string; expiresAt: string } | null }> {
  const parsed = newUserBodySchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Refusal("invalid", i.message, { field: i.path.join(".") || "user" });
  }
  const input = parsed.data;
  const created = await createUser({ ...input, password: input.password ?? generateSecret("unset") });
  let invite = null;
  if (!input.password) invite = await issueInvite(created.id);
  await recordAudit([
    {
      ...by,
      action: input.password ? "user.create" : "user.invite",
      detail: { userId: created.id, email: created.email, role: created.role },
    },
  ]);
  const user = (await listUsers()).find((u) => u.id === created.id)!;
  return { user, invite };
}

/** A new one-time link for the user (earlier unused ones stop working). */
export async function issueInvite(userId: string): Promise<{ token: string; path: string; expiresAt: string }> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  if (!user) throw new Refusal("not_found", `no user with id "${userId}"`, { field: "userId" });
  if (user.disabledAt) throw new Refusal("conflict", "the user is disabled", { field: "userId" });
  await prisma.userInvite.deleteMany({ where: { userId, usedAt: null } });
  const token = generateSecret("inv");
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await prisma.userInvite.create({ data: { userId, tokenHash: hashSecret(token), expiresAt } });
  return { token, path: `/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

/** Sets the password from a one-time link; the link is spent. */
export async function acceptInvite(token: string, password: string): Promise<{ email: string }> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new Refusal("invalid", `must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: "password" });
  const prisma = await getPrisma();
  const invite = await prisma.userInvite.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!invite || invite.usedAt || invite.expiresAt < new Date())
    throw new Refusal("invalid", "this invite link is not valid (used, replaced or expired); ask an administrator for a new one", {
      field: "token",
    });
  const user = await prisma.user.findUnique({ where: { id: invite.userId }, select: { email: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new Refusal("forbidden", "the account is disabled", { field: "token" });
  const spent = await prisma.userInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } });
  if (spent.count !== 1) throw new Refusal("invalid", "this invite link has just been used", { field: "token" });
  await prisma.user.update({ where: { id: invite.userId }, data: { passwordHash: await hashPassword(password) } });
  await recordAudit([{ actor: { email: user.email }, action: "user.invite_accepted", detail: { userId: invite.userId } }]);
  return { email: user.email };
}

/** Disables an account at once: no sign-in, tokens revoked, invites spent, live connections told. */
export async function disableUser(userId: string, by: AuditBy & { actorUserId?: string }): Promise<UserView> {
  if (by.actorUserId === userId) throw new Refusal("invalid", "you cannot disable your own account", { field: "userId" });
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
  if (!user) throw new Refusal("not_found", `no user with id "${userId}"`, { field: "userId" });
  const now = new Date();
  await prisma.$transaction([
    prisma.user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: now } }),
    prisma.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
    prisma.userInvite.deleteMany({ where: { userId, usedAt: null } }),
    prisma.dutyShift.deleteMany({ where: { userId, startsAt: { gt: now } } }),
    prisma.dutyShift.updateMany({ where: { userId, startsAt: { lte: now }, endsAt: { gt: now } }, data: { endsAt: now } }),
  ]);
  await endUserSessions(userId, "disabled"); // every browser session ends now, not at its next request
  eventBus().publish("access:changed", { userId, change: "disabled" });
  if (!user.disabledAt) await recordAudit([{ ...by, action: "user.disable", detail: { userId } }]);
  return (await listUsers()).find((u) => u.id === userId)!;
}

export const updateUserBodySchema = z
  .object({
    role: z.enum(ROLES, { error: `must be one of: ${ROLES.join(", ")}` }).optional(),
    wards: z.array(z.string().min(1)).max(50).optional(),
  })
  .strict();

/** Changes role and/or wards (ids or codes); live connections re-check the user. */
export async function updateUser(userId: string, input: z.infer<typeof updateUserBodySchema>, by: AuditBy): Promise<UserView> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, patientId: true } });
  if (!user) throw new Refusal("not_found", `no user with id "${userId}"`, { field: "userId" });
  if (input.role && (input.role === "patient") !== (user.role === "patient"))
    throw new Refusal("invalid", "a patient account cannot become staff, nor staff a patient account", { field: "role" });
  if (input.wards) {
    const wards = await prisma.ward.findMany({
      where: { OR: [{ id: { in: input.wards } }, { code: { in: input.wards } }] },
      select: { id: true, code: true },
    });
    const unknown = input.wards.filter((w) => !wards.some((x) => x.id === w || x.code === w));
    if (unknown.length)
      throw new Refusal("invalid", `no ward with id or code ${unknown.map((u) => `"${u}"`).join(", ")}`, { field: "wards" });
    if (user.role === "patient" && wards.length) throw new Refusal("invalid", "a patient account has no wards", { field: "wards" });
    await prisma.$transaction([
      prisma.userWard.deleteMany({ where: { userId, wardId: { notIn: wards.map((w) => w.id) } } }),
      ...wards.map((w) =>
        prisma.userWard.upsert({ where: { userId_wardId: { userId, wardId: w.id } }, create: { userId, wardId: w.id }, update: {} }),
      ),
    ]);
    eventBus().publish("access:changed", { userId, change: "wards_changed" });
  }
  if (input.role && input.role !== user.role) {
    await prisma.user.update({ where: { id: userId }, data: { role: input.role } });
    eventBus().publish("access:changed", { userId, change: "role_changed" });
  }
  await recordAudit([{ ...by, action: "user.update", detail: { userId, ...input } }]);
  return (await listUsers()).find((u) => u.id === userId)!;
}
