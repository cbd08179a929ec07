// lib/programs owns remote monitoring programs (diabetes, hypertension, asthma/COPD): the programs and
// their care teams, enrolling a patient (no bed needed) and ending it, the care team of a home patient
// (care-team.ts: alert routing and scope), the clinicians' triage list (triage-*.ts), messages between a
// patient and the care team (care-messages.ts) and inviting a patient to the portal (invite-patient.ts).
// What care-team membership lets a clinician see is part of their Principal (lib/auth/care-scope.ts).
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { ProgramKind } from "@/lib/generated/prisma/client";
import { eventBus } from "@/lib/bus/event-bus";

export const PROGRAM_KINDS = ["diabetes", "hypertension", "asthma_copd"] as const satisfies readonly ProgramKind[];

export type ProgramView = { id: string; kind: ProgramKind; name: string };
export type EnrolmentView = {
  id: string;
  programId: string;
  patientId: string;
  enrolledAt: string;
  enrolledById: string | null;
  endedAt: string | null;
};

/** Live connections of the program's care team re-check their scope at once (a patient came or went). */
async function publishCareTeamChanged(programId: string): Promise<void> {
  const prisma = await getPrisma();
  const team = await prisma.programCareTeam.findMany({ where: { programId }, select: { userId: true } });
  for (const { userId } of team) {
    eventBus().publish("access:changed", { userId, change: "care_team_changed" });
  }
}

export async function listPrograms(): Promise<ProgramView[]> {
  const prisma = await getPrisma();
  return prisma.program.findMany({ select: { id: true, kind: true, name: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] });
}

export async function findProgram(id: string): Promise<ProgramView | null> {
  const prisma = await getPrisma();
  return prisma.program.findUnique({ where: { id }, select: { id: true, kind: true, name: true } });
}

type EnrolmentRow = {
  id: string;
  programId: string;
  patientId: string;
  enrolledAt: Date;
  enrolledById: string | null;
  endedAt: Date | null;
};

export function enrolmentView(e: EnrolmentRow): EnrolmentView {
  return {
    id: e.id,
    programId: e.programId,
    patientId: e.patientId,
    enrolledAt: e.enrolledAt.toISOString(),
    enrolledById: e.enrolledById,
    endedAt: e.endedAt?.toISOString() ?? null,
  };
}

export type EnrolResult = { ok: true; enrolment: EnrolmentView } | { ok: false; reason: "no_program" | "no_patient" | "already_enrolled" };

/** Enrols a patient in a program; one open enrolment per program and patient (the partial unique index). */
export async function enrolPatient(programId: string, patientId: string, byUserId: string | null): Promise<EnrolResult> {
  const prisma = await getPrisma();
  if (!(await prisma.program.findUnique({ where: { id: programId }, select: { id: true } }))) return { ok: false, reason: "no_program" };
  if (!(await prisma.patient.findUnique({ where: { id: patientId }, select: { id: true } }))) return { ok: false, reason: "no_patient" };
  try {
    const e = await prisma.enrolment.create({ data: { programId, patientId, enrolledById: byUserId } });
    await publishCareTeamChanged(programId);
    return { ok: true, enrolment: enrolmentView(e) };
  } catch (err) {
    if (err instanceof Error && "code" in err && err.code === "P2002") return { ok: false, reason: "already_enrolled" };
    throw err;
  }
}

/** Ends an open enrolment of this program; null when there is none with that id. */
export async function endEnrolment(programId: string, enrolmentId: string, byUserId: string | null): Promise<EnrolmentView | null> {
  const prisma = await getPrisma();
  const open = await prisma.enrolment.findFirst({ where: { id: enrolmentId, programId } });
  if (!open) return null;
  if (open.endedAt) return enrolmentView(open);
  const e = await prisma.enrolment.update({ where: { id: enrolmentId }, data: { endedAt: new Date(), endedById: byUserId } });
  await publishCareTeamChanged(programId);
  return enrolmentView(e);
}

/** Puts a clinician on a program's care team (idempotent). */
export async function addToCareTeam(programId: string, userId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.programCareTeam.createMany({ data: [{ programId, userId }], skipDuplicates: true });
  eventBus().publish("access:changed", { userId, change: "care_team_changed" });
}

/** Takes a clinician off a program's care team; their live connections lose its patients at once. */
export async function removeFromCareTeam(programId: string, userId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.programCareTeam.deleteMany({ where: { programId, userId } });
  eventBus().publish("access:changed", { userId, change: "care_team_changed" });
}

/** The programs whose care team the user is on. */
export async function findCareTeamPrograms(userId: string): Promise<ProgramView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.programCareTeam.findMany({ where: { userId }, select: { programId: true } });
  return prisma.program.findMany({
    where: { id: { in: rows.map((r) => r.programId) } },
    select: { id: true, kind: true, name: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
}
