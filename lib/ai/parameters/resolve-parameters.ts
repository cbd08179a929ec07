// Resolving a version's parameters for one call: each enabled parameter's fixed query runs with its
// bounds (clamped to the code's limits) for the subject the caller may see. The raw values come back with
// everything the de-identification must know (patients, staff, devices, internal ids) and each value's
// identifier fields; lib/ai/features/compose-outbound.ts de-identifies them in one session before they
// are put into the prompt. Only names and row counts are kept for the log, never values.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import type { DeidentifyContext, FieldRules, KnownDevice, KnownPatient, KnownStaff } from "@/lib/ai/deidentify/types";
import type { ParameterRef } from "@/lib/ai/prompts/prompt-version";
import type { ParameterUse } from "@/lib/ai/service-types";
import type { Sql } from "@/lib/db/sql";
import type { RawParameterValue, ResolvedSubject } from "./parameter-types";
import { effectiveBounds, parameterDefinition } from "./registry";
import { subjectInScope, type LoadedSubject } from "./subject";

export type ResolvedParameters = {
  /** Raw values (not yet de-identified) with their identifier fields, in the version's order. */
  parameters: { name: string; value: unknown; fields: FieldRules }[];
  uses: ParameterUse[];
  /** What the de-identification must know about this call. */
  context: DeidentifyContext;
};

function byId<T extends { id?: string; name?: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = i.id ?? i.name ?? "";
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each parameter's raw value: the queries alone, no scope check (callers check it: resolveParameters). */
export type ParameterReads = { name: string; value: RawParameterValue }[];

/** The version's parameters read for `subject`, all queries together (PostgreSQL spreads them over the pool). */
export function readParameterValues(
  q: Pick<Sql, "query">,
  subject: ResolvedSubject,
  refs: readonly ParameterRef[],
  now: Date,
): Promise<ParameterReads> {
  return Promise.all(
    refs.map(async (ref) => {
      const def = parameterDefinition(ref.name);
      if (!def) throw new Refusal("invalid", `parameter "${ref.name}" is not allow-listed`, { field: "parameters" });
      const s = subject;
      const available =
        def.needs === "patient" ? s.patientId : def.needs === "ward" ? s.wardId : def.needs === "device" ? s.deviceId : s.alertId;
      const value = available
        ? await def.resolve({ q, now, subject: s, bounds: effectiveBounds(def, ref.bounds) })
        : { value: null, rows: 0 };
      return { name: def.name, value };
    }),
  );
}

/**
 * For a patient subject whose parameters all read by patient id alone, the reads can start before the
 * subject is loaded and checked (they run beside that round trip). Null when any parameter needs more of
 * the subject than its id. What they read is used only after resolveParameters' scope check passes.
 */
export function readPatientParametersEarly(
  q: Pick<Sql, "query">,
  patientId: string,
  refs: readonly ParameterRef[],
  now: Date,
): Promise<ParameterReads> | null {
  if (!refs.every((r) => parameterDefinition(r.name)?.needs === "patient")) return null;
  const subject: ResolvedSubject = { kind: "patient", id: patientId, patientId, wardId: null, deviceId: null, alertId: null };
  const reads = readParameterValues(q, subject, refs, now);
  reads.catch(() => undefined); // awaited (or dropped with the refused call) later; never an unhandled rejection
  return reads;
}

export async function resolveParameters(
  q: Pick<Sql, "query">,
  principal: Principal,
  loaded: LoadedSubject,
  refs: readonly ParameterRef[],
  now: Date,
  early: Promise<ParameterReads> | null = null,
): Promise<ResolvedParameters> {
  if (!subjectInScope(principal, loaded.subject)) throw new Refusal("forbidden", `you may not see this ${loaded.subject.kind}`);
  const usable = early && loaded.subject.kind === "patient" && loaded.subject.patientId === loaded.subject.id;
  const raw = await (usable ? early : readParameterValues(q, loaded.subject, refs, now));
  const patients: KnownPatient[] = byId([
    ...(loaded.patient ? [loaded.patient] : []),
    ...raw.flatMap((r) => r.value.known?.patients ?? []),
  ]);
  const staff: KnownStaff[] = byId(raw.flatMap((r) => r.value.known?.staff ?? []));
  const devices: KnownDevice[] = byId([...loaded.devices, ...raw.flatMap((r) => r.value.known?.devices ?? [])]);
  const s = loaded.subject;
  const internalIds = [
    ...new Set(
      [s.id, s.patientId, s.alertId, s.wardId, ...raw.flatMap((r) => r.value.known?.internalIds ?? [])].filter((v): v is string => !!v),
    ),
  ].filter((id) => !devices.some((d) => d.id === id));
  return {
    parameters: raw.map((r) => ({ name: r.name, value: r.value.value, fields: parameterDefinition(r.name)?.fields ?? {} })),
    uses: raw.map((r) => ({ name: r.name, rows: r.value.rows })),
    context: { now, patients, staff, devices, internalIds },
  };
}
