// DELETE /api/v1/tokens/{id}: revoke a personal API token (its owner, or an admin for any token). Its live
// Socket.IO connections are dropped at once. 404 for a token that does not exist or is someone else's.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({ params: z.object({ id: z.string().min(1).max(64) }) }, async ({ principal, params, meta }) => {
  const result = await revokeApiToken(principal, params.id);
  if (result === "not_found") throw new Refusal("not_found", "no such token", { field: "id" });
  if (result === "revoked") await recordAudit([{ actor: principal, action: "api_token.revoke", detail: { tokenId: params.id }, meta }]);
  return { id: params.id, result };
});
