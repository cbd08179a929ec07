// User accounts: create with a role, a linked patient (patient accounts) and wards (clinicians).
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";

export const createUserSchema = z.object({
  email: z
    .string()
    .email("must be an email address")
    .transform((s) => s.toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
  role: z.enum(ROLES, { error: `must be one of: ${ROLES.join(", ")}` }),
  name: z.string().min(1).max(120).optional(),
  patientId: z.string().min(1).optional(),
  /** Ward ids or codes. */
  wards: z.array(z.string().min(1)).default([]),
});

/** Input as typed by a person (the role is checked here, not by the caller). */
export type CreateUserInput = Omit<z.input<typeof createUserSchema>, "role"> & { role: string };

export async function createUser(raw: CreateUserInput) {
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Refusal("invalid", i.message, { field: i.path.join(".") || "input" });
  }
  const input = parsed.data;
  const prisma = await getPrisma();
  if (input.role === "patient" && !input.patientId)
    throw new Refusal("invalid", "a patient account must be linked to a patient record (--patient <id>)", { field: "patient" });
  if (input.role !== "patient" && input.patientId)
    throw new Refusal("invalid", "only a patient account is linked to a patient record", { field: "patient" });
  if (input.role === "patient" && input.wards.length) throw new Refusal("invalid", "a patient account has no wards", { field: "ward" });
  if (input.patientId && !(await prisma.patient.findUnique({ where: { id: input.patientId }, select: { id: true } }))) {
    throw new Refusal("invalid", `no patient with id "${input.patientId}"`, { field: "patient" });
  }
  const wards = await prisma.ward.findMany({
    where: { OR: [{ id: { in: input.wards } }, { code: { in: input.wards } }] },
    select: { id: true, code: true },
  });
  const unknown = input.wards.filter((w) => !wards.some((x) => x.id === w || x.code === w));
  if (unknown.length) throw new Refusal("invalid", `no ward with id or code ${unknown.map((u) => `"${u}"`).join(", ")}`, { field: "ward" });
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new Refusal("conflict", `a user with email ${input.email} already exists`, { field: "email" });
  }
  const user = await prisma.user.create({
    data: {
      email: input.email,
      name: input.name ?? input.email.split("@")[0]!,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      patientId: input.patientId ?? null,
      wards: { create: wards.map((w) => ({ wardId: w.id })) },
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, patientId: user.patientId, wards: wards.map((w) => w.code) };
}
