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
import type { RawParameterValue } from "./parameter-types";
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

export async function resolveParameters(
  q: Pick<Sql, "query">,
  principal: Principal,
  loaded: LoadedSubject,
  refs: readonly ParameterRef[],
  now: Date,
): Promise<ResolvedParameters> {
  if (!subjectInScope(principal, loaded.subject)) throw new Refusal("forbidden", `you may not see this ${loaded.subject.kind}`);
  // Each parameter's query is independent: run them together (PostgreSQL spreads them over the pool).
  const raw: { name: string; value: RawParameterValue }[] = await Promise.all(
    refs.map(async (ref) => {
      const def = parameterDefinition(ref.name);
      if (!def) throw new Refusal("invalid", `parameter "${ref.name}" is not allow-listed`, { field: "parameters" });
      const s = loaded.subject;
      const available =
        def.needs === "patient" ? s.patientId : def.needs === "ward" ? s.wardId : def.needs === "device" ? s.deviceId : s.alertId;
      const value = available
        ? await def.resolve({ q, now, subject: s, bounds: effectiveBounds(def, ref.bounds) })
        : { value: null, rows: 0 };
      return { name: def.name, value };
    }),
  );
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
