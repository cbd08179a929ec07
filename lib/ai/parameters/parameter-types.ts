// What a data parameter is: a name, a fixed reviewed query in code, the subject it reads about, the
// bounds an admin may set per prompt version (each inside limits the code fixes), the features allowed to
// enable it, and how its values declare their identifier fields for de-identification.
import type { FieldRules, KnownDevice, KnownPatient, KnownStaff } from "@/lib/ai/deidentify/types";
import type { Sql } from "@/lib/db/sql";
import type { AiFeature, BoundLimit, ParameterSubject } from "@/lib/ai/service-types";

/** What a call is about, loaded once and checked against the caller's scope. */
export type ResolvedSubject = {
  kind: ParameterSubject;
  id: string;
  patientId: string | null;
  wardId: string | null;
  deviceId: string | null;
  alertId: string | null;
};

export type ParameterContext = {
  q: Pick<Sql, "query">;
  now: Date;
  subject: ResolvedSubject;
  /** The version's bounds, clamped into the code's limits, defaults filled in. */
  bounds: Record<string, number>;
};

/** Who and what appears in a value, so de-identification knows them (never sent). */
export type KnownInValue = { patients?: KnownPatient[]; staff?: KnownStaff[]; devices?: KnownDevice[]; internalIds?: string[] };

export type RawParameterValue = { value: unknown; rows: number; known?: KnownInValue };

export type ParameterDefinition = {
  name: string;
  description: string;
  /** What the query needs: a patient (patient.*), a ward, a device or an alert. */
  needs: "patient" | "ward" | "device" | "alert";
  subject: ParameterSubject;
  bounds: Record<string, BoundLimit>;
  allowedFor: AiFeature[];
  fields: FieldRules;
  resolve(ctx: ParameterContext): Promise<RawParameterValue>;
};
