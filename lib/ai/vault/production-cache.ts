// The production version of each prompt, as the features read it on every call: one SQL statement,
// cached per database for PRODUCTION_CACHE_MS (versions are immutable; only where the label points can
// change). A label move on this node clears the cache at once; one on another node is seen within the TTL.
import "server-only";
import { getDatabase, perDatabase } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import type { ParameterRef, PromptMessage, PromptParams, PromptVariable } from "@/lib/ai/prompts/prompt-version";
import type { StoredVersion } from "./stored-version";

export const PRODUCTION_CACHE_MS = 2_000;

type Entry = { at: number; version: StoredVersion & { patientFacing: boolean } };

async function cache(): Promise<Map<string, Entry>> {
  return perDatabase("aiProductionVersions", () => new Map<string, Entry>());
}

export async function clearProductionCache(): Promise<void> {
  (await cache()).clear();
}

/** The version labelled production (what the features run), or 503 when none is. */
export async function productionVersion(name: string): Promise<StoredVersion & { patientFacing: boolean }> {
  const c = await cache();
  const hit = c.get(name);
  if (hit && Date.now() - hit.at < PRODUCTION_CACHE_MS) return hit.version;
  const { sql } = await getDatabase();
  const [r] = await sql.query<{
    version: number;
    messages: unknown;
    variables: unknown;
    model: string;
    params: unknown;
    parameters: unknown;
    commit_message: string;
    author_id: string | null;
    approved_at: Date | string | null;
    patient_facing: boolean;
  }>(
    `SELECT v.version, v.messages, v.variables, v.model, v.params, v.parameters, v.commit_message, v.author_id, v.approved_at, p.patient_facing
       FROM ai_prompt_labels l
       JOIN ai_prompt_versions v ON v.prompt_name = l.prompt_name AND v.version = l.version
       JOIN ai_prompts p ON p.name = l.prompt_name
      WHERE l.prompt_name = $1 AND l.label = 'production'`,
    [name],
  );
  if (!r) throw new Refusal("unavailable", `prompt "${name}" has no version in production`);
  const version = {
    promptName: name,
    version: r.version,
    messages: r.messages as PromptMessage[],
    variables: r.variables as PromptVariable[],
    model: r.model,
    params: r.params as PromptParams,
    parameters: r.parameters as ParameterRef[],
    commitMessage: r.commit_message,
    authorId: r.author_id,
    approvedAt: r.approved_at === null ? null : new Date(r.approved_at),
    patientFacing: r.patient_facing,
  };
  c.set(name, { at: Date.now(), version });
  return version;
}
