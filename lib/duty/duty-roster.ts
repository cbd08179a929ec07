// Reading and replacing a ward's duty roster (GET/PUT /api/v1/duty, the admin page, the CLI). A PUT
// replaces the ward's shifts that have not ended yet; past shifts stay as the record of who was on duty.
import "server-only";
import { z } from "zod";
import { getDatabase, getPrisma } from "@/lib/db/database";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { DUTIES, findOnDuty, type Duty, type OnDutyPerson } from "./on-duty";

export const MAX_SHIFT_HOURS = 24;

export const dutyShiftSchema = z
  .object({
    duty: z.enum(DUTIES, { error: `must be one of: ${DUTIES.join(", ")}` }),
    userId: z.string().min(1, "is required"),
    startsAt: z.coerce.date({ error: "must be a date-time" }),
    endsAt: z.coerce.date({ error: "must be a date-time" }),
  })
  .strict();
export const putRosterBodySchema = z.object({ shifts: z.array(dutyShiftSchema).max(500) }).strict();
export type ShiftInput = z.infer<typeof dutyShiftSchema>;

export type RosterView = {
  ward: { id: string; code: string; name: string };
  shifts: { id: string; duty: Duty; userId: string; userName: string; startsAt: string; endsAt: string }[];
  onDutyNow: Record<Duty, OnDutyPerson[]>;
  /** Duties with nobody on duty right now. */
  uncovered: Duty[];
};

async function wardOf(wardId: string) {
  const prisma = await getPrisma();
  const ward = await prisma.ward.findFirst({
    where: { OR: [{ id: wardId }, { code: wardId }] },
    select: { id: true, code: true, name: true },
  });
  if (!ward) throw new Refusal("not_found", `no ward "${wardId}"`, { field: "wardId" });
  return ward;
}

/** The ward's shifts from `from` (default: a day ago) for a week, and who is on duty now. */
export async function getRoster(wardId: string, at = new Date()): Promise<RosterView> {
  const ward = await wardOf(wardId);
  const prisma = await getPrisma();
  const shifts = await prisma.dutyShift.findMany({
    where: {
      wardId: ward.id,
      endsAt: { gt: new Date(at.getTime() - 86_400_000) },
      startsAt: { lt: new Date(at.getTime() + 7 * 86_400_000) },
    },
    orderBy: [{ startsAt: "asc" }, { duty: "asc" }],
  });
  const names = new Map(
    (await prisma.user.findMany({ where: { id: { in: shifts.map((s) => s.userId) } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const { sql } = await getDatabase();
  const onDutyNow = { charge: await findOnDuty(sql, ward.id, "charge", at), on_call: await findOnDuty(sql, ward.id, "on_call", at) };
  return {
    ward,
    shifts: shifts.map((s) => ({
      id: s.id,
      duty: s.duty as Duty,
      userId: s.userId,
      userName: names.get(s.userId) ?? s.userId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
    onDutyNow,
    uncovered: DUTIES.filter((d) => onDutyNow[d].length === 0),
  };
}

const ROLE_FOR: Record<Duty, readonly string[]> = { charge: ["nurse", "admin"], on_call: ["physician", "admin"] };

/** Replaces the ward's shifts that have not ended by now with `shifts`. */
export async function putRoster(wardId: string, shifts: ShiftInput[], by: AuditBy, now = new Date()): Promise<RosterView> {
  const ward = await wardOf(wardId);
  const prisma = await getPrisma();
  const users = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: shifts.map((s) => s.userId) } },
        select: { id: true, role: true, disabledAt: true, wards: { where: { wardId: ward.id }, select: { wardId: true } } },
      })
    ).map((u) => [u.id, u]),
  );
  shifts.forEach((s, i) => {
    const field = `shifts[${i}]`;
    const u = users.get(s.userId);
    if (!u) throw new Refusal("invalid", `no user with id "${s.userId}"`, { field: `${field}.userId` });
    if (u.disabledAt) throw new Refusal("invalid", "the user is disabled", { field: `${field}.userId` });
    if (!ROLE_FOR[s.duty].includes(u.role))
      throw new Refusal("invalid", `a ${u.role} cannot be ${s.duty === "charge" ? "charge nurse" : "physician on call"}`, {
        field: `${field}.userId`,
      });
    if (u.role !== "admin" && u.wards.length === 0)
      throw new Refusal("invalid", `the user is not assigned to ward ${ward.code}`, { field: `${field}.userId` });
    if (s.endsAt <= s.startsAt) throw new Refusal("invalid", "must be after startsAt", { field: `${field}.endsAt` });
    if (s.endsAt.getTime() - s.startsAt.getTime() > MAX_SHIFT_HOURS * 3_600_000)
      throw new Refusal("invalid", `a shift is at most ${MAX_SHIFT_HOURS} h`, { field: `${field}.endsAt` });
    if (s.endsAt <= now)
      throw new Refusal("invalid", "the shift has already ended (past shifts are kept as they were)", { field: `${field}.endsAt` });
  });
  await prisma.$transaction([
    prisma.dutyShift.deleteMany({ where: { wardId: ward.id, endsAt: { gt: now } } }),
    prisma.dutyShift.createMany({
      data: shifts.map((s) => ({
        wardId: ward.id,
        duty: s.duty,
        userId: s.userId,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        createdById: "userId" in by.actor ? by.actor.userId : null,
      })),
    }),
  ]);
  await recordAudit([{ ...by, action: "duty.roster_set", detail: { wardId: ward.id, shifts: shifts.length } }]);
  return getRoster(ward.id, now);
}
