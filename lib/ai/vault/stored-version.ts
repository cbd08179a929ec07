// A prompt version as the vault stores it: its content (lib/ai/prompts) with its prompt, number, author
// and approval. Its own module, so the production cache and the features read the type without the store.
import type { PromptVersionContent } from "@/lib/ai/prompts/prompt-version";

export type StoredVersion = PromptVersionContent & {
  promptName: string;
  version: number;
  authorId: string | null;
  approvedAt: Date | null;
};
