"use server";
// Server actions of the API-token page: create and revoke the signed-in user's own personal tokens.
// Both are security events and are audited; the clear token is returned once and never logged.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { Refusal } from "@/lib/errors/refusal";
import { recordAudit } from "@/lib/audit/record-audit";
import { apiTokenNameSchema, createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";

export const createTokenAction = safeAction({ input: z.object({ name: apiTokenNameSchema }) }, async ({ principal, input, meta }) => {
  const created = await createApiToken(principal.userId, input.name);
  await recordAudit([
    { actor: principal, action: "api_token.create", detail: { tokenId: created.id, prefix: created.prefix, name: input.name }, meta },
  ]);
  return created;
});

export const revokeTokenAction = safeAction(
  { input: z.object({ tokenId: z.string().min(1).max(64) }) },
  async ({ principal, input, meta }) => {
    const result = await revokeApiToken(principal, input.tokenId);
    if (result === "not_found") throw new Refusal("not_found", "That token does not exist.");
    if (result === "revoked") {
      await recordAudit([{ actor: principal, action: "api_token.revoke", detail: { tokenId: input.tokenId }, meta }]);
    }
    return { result };
  },
);
