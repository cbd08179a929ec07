// At every start (every install, not only the demo): the four seeded prompts, each created once with
// version 1 approved by the system and labelled production. Prompts that exist are left as they are.
import "server-only";
import crypto from "node:crypto";
import { getDatabase } from "@/lib/db/database";
import { SEED_PROMPTS } from "./seed-prompts";

export const SYSTEM_ACTOR_NAME = "system (seeded)";

export async function seedPromptVault(): Promise<string[]> {
  const { sql } = await getDatabase();
  const created: string[] = [];
  for (const p of SEED_PROMPTS) {
    const inserted = await sql.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO ai_prompts (name, description, feature) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING name`,
        [p.name, p.description, p.feature],
      );
      if (rows.length === 0) return false;
      const v = p.v1;
      await tx.query(
        `INSERT INTO ai_prompt_versions (id, prompt_name, version, messages, variables, model, params, parameters, commit_message,
                                         author_id, author_name, approved_by_id, approved_by_name, approved_at)
         VALUES ($1, $2, 1, $3::jsonb, $4::jsonb, $5, $6::jsonb, $7::jsonb, $8, NULL, $9, NULL, $9, now())`,
        [
          crypto.randomUUID(),
          p.name,
          JSON.stringify(v.messages),
          JSON.stringify(v.variables),
          v.model,
          JSON.stringify(v.params),
          JSON.stringify(v.parameters),
          v.commitMessage,
          SYSTEM_ACTOR_NAME,
        ],
      );
      await tx.query(`INSERT INTO ai_prompt_labels (prompt_name, label, version) VALUES ($1, 'production', 1)`, [p.name]);
      return true;
    });
    if (inserted) created.push(p.name);
  }
  return created;
}
