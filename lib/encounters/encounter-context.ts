// lib/encounters owns admissions, transfers, discharges and their corrections (the ADT services) over the
// database: encounters, bed assignments over time, the bed-holds-one-patient rule, readmission links, and
// detaching a discharged patient's devices. Browser (server actions), REST, CLI and HL7 inbound all call
// these functions, so the validation is the same everywhere. This file: who acts, scope, audit, shared lookups.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canSeeWard, type Principal } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { eventBus } from "@/lib/bus/event-bus";
import { Refusal } from "@/lib/errors/refusal";

/** Who makes an ADT change: a signed-in user (browser or API token), the CLI, or the HL7 inbound feed. */
export type AdtActor = { kind: "user"; principal: Principal; meta?: RequestMeta } | { kind: "system"; source: "cli" | "hl7" };

export const ADT_ROLES = ["admin", "nurse", "physician"] as const;

export function sourceOf(actor: AdtActor): string {
  if (actor.kind === "system") return actor.source;
  return actor.principal.via === "session" ? "browser" : "api";
}

/** Refuses an ADT change on a ward the user may not see (admins: every ward; HL7 and CLI: every ward). */
export function checkWardAccess(actor: AdtActor, wardId: string, field = "bedId"): void {
  if (actor.kind === "system") return;
  const p = actor.principal;
  if (!(ADT_ROLES as readonly string[]).includes(p.role))
    throw new Refusal("forbidden", `role "${p.role}" may not admit, transfer or discharge`);
  if (!canSeeWard(p, wardId)) throw new Refusal("forbidden", "that ward is not one of yours", { field });
}

export async function auditAdt(actor: AdtActor, action: string, patientId: string, detail: Record<string, unknown>): Promise<void> {
  await recordAudit([
    {
      actor:
        actor.kind === "user"
          ? { userId: actor.principal.userId, email: actor.principal.email, role: actor.principal.role }
          : { email: actor.source },
      meta: actor.kind === "user" ? actor.meta : undefined,
      action,
      patientId,
      detail,
    },
  ]);
}

/** A time an ADT event happened at: now by default, never more than 5 minutes in the future. */
export function eventTime(at: Date | undefined, field = "at"): Date {
  const t = at ?? new Date();
  if (Number.isNaN(t.getTime())) throw new Refusal("invalid", "is not a valid time", { field });
  if (t.getTime() > Date.now() + 5 * 60_000) throw new Refusal("invalid", "may not be in the future", { field });
  return t;
}

export type BedRow = { id: string; label: string; room: string | null; wardId: string; wardCode: string; occupantId: string | null };

/** A bed by id, or by "WARD/label" (e.g. "4E/3"). */
export async function findBed(tx: Prisma.TransactionClient, bed: string, field = "bedId"): Promise<BedRow> {
  const slash = bed.indexOf("/");
  const row =
    (await tx.bed.findUnique({ where: { id: bed }, include: { ward: { select: { code: true } }, patient: { select: { id: true } } } })) ??
    (slash > 0
      ? await tx.bed.findFirst({
          where: { label: bed.slice(slash + 1), ward: { code: bed.slice(0, slash) } },
          include: { ward: { select: { code: true } }, patient: { select: { id: true } } },
        })
      : null);
  if (!row) throw new Refusal("not_found", `no bed "${bed}"`, { field });
  return { id: row.id, label: row.label, room: row.room, wardId: row.wardId, wardCode: row.ward.code, occupantId: row.patient?.id ?? null };
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

/** The devices whose data stream changes owner: those at the beds involved and those on the patient. */
export async function announceDeviceMoves(tx: Prisma.TransactionClient, bedIds: string[], patientId: string | null): Promise<string[]> {
  const devices = await tx.device.findMany({
    where: { OR: [{ bedId: { in: bedIds } }, ...(patientId ? [{ patientId }] : [])] },
    select: { id: true },
  });
  return devices.map((d) => d.id);
}

export function publishDeviceMoves(deviceIds: string[]): void {
  for (const deviceId of deviceIds) eventBus().publish("device:changed", { deviceId, change: "assigned" });
}
