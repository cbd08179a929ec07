"use server";
// Server actions of staff administration (admins): invite, disable, change role and wards, and the duty
// roster (add or remove a shift; the roster's PUT semantics: the ward's shifts that have not ended).
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/principal";
import { addUser, disableUser, issueInvite, updateUser } from "@/lib/users/user-admin";
import { getRoster, putRoster } from "@/lib/duty/duty-roster";
import { DUTIES } from "@/lib/duty/on-duty";

const ADMIN = ["admin"] as const;

export const inviteUserAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({
      email: z.string().trim().email("must be an email address"),
      name: z.string().trim().optional(),
      role: z.enum(ROLES),
      wards: z.array(z.string()).default([]),
    }),
  },
  async ({ principal, input, meta }) => {
    const r = await addUser({ ...input, name: input.name || undefined }, { actor: principal, meta });
    return { email: r.user.email, path: r.invite?.path ?? null };
  },
);

export const reinviteAction = safeAction({ roles: ADMIN, input: z.object({ userId: z.string().min(1) }) }, async ({ input }) => {
  const inv = await issueInvite(input.userId);
  return { path: inv.path };
});

export const disableUserAction = safeAction(
  { roles: ADMIN, input: z.object({ userId: z.string().min(1) }) },
  async ({ principal, input, meta }) => {
    const u = await disableUser(input.userId, { actor: principal, meta, actorUserId: principal.userId });
    return { disabledAt: u.disabledAt };
  },
);

export const updateUserAction = safeAction(
  { roles: ADMIN, input: z.object({ userId: z.string().min(1), role: z.enum(ROLES).optional(), wards: z.array(z.string()).optional() }) },
  async ({ principal, input, meta }) => {
    const { userId, ...change } = input;
    const u = await updateUser(userId, change, { actor: principal, meta });
    return { role: u.role };
  },
);

const currentShifts = async (wardId: string) =>
  (await getRoster(wardId)).shifts
    .filter((s) => new Date(s.endsAt) > new Date())
    .map((s) => ({ id: s.id, duty: s.duty, userId: s.userId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));

export const addShiftAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({
      wardId: z.string().min(1),
      duty: z.enum(DUTIES),
      userId: z.string().min(1, "choose a person"),
      startsAt: z.coerce.date(),
      endsAt: z.coerce.date(),
    }),
  },
  async ({ principal, input, meta }) => {
    const { wardId, ...shift } = input;
    const shifts = (await currentShifts(wardId)).map(({ id: _id, ...s }) => s);
    const r = await putRoster(wardId, [...shifts, shift], { actor: principal, meta });
    return { uncovered: r.uncovered };
  },
);

export const removeShiftAction = safeAction(
  { roles: ADMIN, input: z.object({ wardId: z.string().min(1), shiftId: z.string().min(1) }) },
  async ({ principal, input, meta }) => {
    const shifts = (await currentShifts(input.wardId)).filter((s) => s.id !== input.shiftId).map(({ id: _id, ...s }) => s);
    const r = await putRoster(input.wardId, shifts, { actor: principal, meta });
    return { uncovered: r.uncovered };
  },
);
