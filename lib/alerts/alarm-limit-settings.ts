// Reading and changing alarm limits. Ward limits: admins and the ward's physicians. Patient limits
// (overrides): physicians of the patient's ward and admins, always with a reason. Each change is audited
// and announced on the bus so the engine applies it at once.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { eventBus } from "@/lib/bus/event-bus";
import { canSeePatient, canSeeWard, type Principal } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { findPatient } from "@/lib/patients/patient-queries";
import { LIMIT_CODES, checkLimitOverride, effectiveLimits, isLimitCode, type EffectiveLimits, type LimitCode } from "./alarm-limits";
import { patientScope, wardScope } from "./limit-book";

export type AlarmLimitTarget = { kind: "ward"; wardId: string } | { kind: "patient"; patientId: string };
export type AlarmLimitInput = { code: string; low: number | null; high: number | null; reason?: string | null };
export type EffectiveLimitView = EffectiveLimits & { code: LimitCode; reason: string | null };

async function resolveTarget(
  p: Principal,
  target: AlarmLimitTarget,
): Promise<{ scope: string; wardId: string | null; patientId: string | null; spo2Scale: 1 | 2 }> {
  if (target.kind === "ward") {
    if (!canSeeWard(p, target.wardId)) throw new Refusal("forbidden", "you may not see this ward");
    return { scope: wardScope(target.wardId), wardId: target.wardId, patientId: null, spo2Scale: 1 };
  }
  const patient = await findPatient(target.patientId);
  if (!patient || !canSeePatient(p, { patientId: patient.id, wardId: patient.ward?.id ?? null })) {
    throw p.role === "admin" ? new Refusal("not_found", "patient not found") : new Refusal("forbidden", "you may not see this patient");
  }
  return {
    scope: patientScope(patient.id),
    wardId: patient.ward?.id ?? null,
    patientId: patient.id,
    spo2Scale: patient.spo2Scale === 2 ? 2 : 1,
  };
}

/** The limits in force for a ward (its defaults) or a patient (with overrides), per metric. */
export async function listAlarmLimits(p: Principal, target: AlarmLimitTarget): Promise<EffectiveLimitView[]> {
  const t = await resolveTarget(p, target);
  const prisma = await getPrisma();
  const scopes = [t.wardId ? wardScope(t.wardId) : null, t.patientId ? patientScope(t.patientId) : null].filter(
    (s): s is string => s !== null,
  );
  const rows = await prisma.alarmLimit.findMany({ where: { scope: { in: scopes } } });
  const find = (scope: string | null, code: string) => (scope ? rows.find((r) => r.scope === scope && r.code === code) : undefined);
  return LIMIT_CODES.map((code) => {
    const ward = find(t.wardId ? wardScope(t.wardId) : null, code);
    const patient = find(t.patientId ? patientScope(t.patientId) : null, code);
    return {
      code,
      reason: patient?.reason ?? ward?.reason ?? null,
      ...effectiveLimits(code, {
        spo2Scale: t.spo2Scale,
        ward: ward && { low: ward.low, high: ward.high },
        patient: patient && { low: patient.low, high: patient.high },
      }),
    };
  });
}

/** Sets (or, with low and high both null, removes) a ward or patient limit for one metric. */
export async function setAlarmLimit(
  p: Principal,
  target: AlarmLimitTarget,
  input: AlarmLimitInput,
  meta?: RequestMeta,
): Promise<EffectiveLimitView[]> {
  if (p.role !== "admin" && p.role !== "physician") throw new Refusal("forbidden", "only physicians and admins may change alarm limits");
  const t = await resolveTarget(p, target);
  const reason = input.reason?.trim() || null;
  if (target.kind === "patient" && !reason)
    throw new Refusal("invalid", "a patient's alarm limits may be changed only with a reason", { field: "reason" });
  const remove = input.low === null && input.high === null;
  if (remove && !isLimitCode(input.code))
    throw new Refusal("invalid", `alarm limits exist for: ${LIMIT_CODES.join(", ")}`, { field: "code" });
  if (!remove) {
    const problem = checkLimitOverride(input.code, input.low, input.high);
    if (problem) throw new Refusal("invalid", problem, { field: isLimitCode(input.code) ? "limits" : "code" });
  }
  const prisma = await getPrisma();
  if (remove) {
    await prisma.alarmLimit.deleteMany({ where: { scope: t.scope, code: input.code } });
  } else {
    const data = {
      wardId: t.wardId,
      patientId: t.patientId,
      low: input.low,
      high: input.high,
      setById: p.userId,
      reason,
      updatedAt: new Date(),
    };
    await prisma.alarmLimit.upsert({
      where: { scope_code: { scope: t.scope, code: input.code } },
      create: { scope: t.scope, code: input.code, ...data },
      update: data,
    });
  }
  await recordAudit([
    {
      actor: p,
      action: remove ? "alarm_limit.remove" : "alarm_limit.set",
      patientId: t.patientId,
      detail: { scope: t.scope, code: input.code, low: input.low, high: input.high, reason },
      meta,
    },
  ]);
  eventBus().publish("alarm-limits:changed", { scope: t.scope, code: input.code });
  return listAlarmLimits(p, target);
}
