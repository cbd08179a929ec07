// Personal API tokens (`Authorization: Bearer iomt_...`) for the read API and Socket.IO. The token is
// shown once at creation; only its SHA-256 hash and a short prefix (to recognise it in a list) are kept.
// Revocable by the owner or an admin (account page, DELETE /api/v1/tokens/{id}) and from the CLI
// (`tokens revoke <id>`); revoking drops the token's live connections. Callers audit what they do.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { eventBus } from "@/lib/bus/event-bus";
import type { Role } from "./principal";
import { generateSecret, hashSecret } from "./secret-token";

export const API_TOKEN_NAME_MAX = 60;
/** Characters of the token kept in clear to tell tokens apart ("iomt_" and 7 random characters). */
export const API_TOKEN_PREFIX_LENGTH = 12;

export const apiTokenNameSchema = z
  .string()
  .trim()
  .min(1, "Give the token a name")
  .max(API_TOKEN_NAME_MAX, `At most ${API_TOKEN_NAME_MAX} characters`);

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreatedApiToken = { id: string; token: string; prefix: string };

export type RevokeResult = "revoked" | "already_revoked" | "not_found";

/** Creates a token for an active user; the clear token is in the result and nowhere else. */
export async function createApiToken(userId: string, name: string): Promise<CreatedApiToken> {
  const parsed = apiTokenNameSchema.safeParse(name);
  if (!parsed.success) throw new Refusal("invalid", `invalid token name: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  if (!user) throw new Refusal("not_found", "no such user");
  if (user.disabledAt) throw new Refusal("forbidden", "the user is disabled");
  const token = generateSecret("iomt");
  const prefix = token.slice(0, API_TOKEN_PREFIX_LENGTH);
  const row = await prisma.apiToken.create({
    data: { userId, name: parsed.data, tokenHash: hashSecret(token), prefix },
    select: { id: true },
  });
  return { id: row.id, token, prefix };
}

/** Who revokes: the token's owner, an admin (any token) or the command line (any token). */
export type TokenRevoker = { userId: string; role: Role } | "cli";

/**
 * Revokes a token; its live Socket.IO connections are dropped at once (access:changed). A user other than
 * the owner (and not an admin) is told "not_found", as for a token that does not exist.
 */
export async function revokeApiToken(by: TokenRevoker, tokenId: string): Promise<RevokeResult> {
  const prisma = await getPrisma();
  const token = await prisma.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, revokedAt: true } });
  const mayRevoke = !!token && (by === "cli" || by.role === "admin" || by.userId === token.userId);
  if (!token || !mayRevoke) return "not_found";
  const { count } = await prisma.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) return "already_revoked";
  eventBus().publish("access:changed", { userId: token.userId, change: "token_revoked", tokenId });
  return "revoked";
}

export type ApiTokenWithOwner = ApiTokenSummary & { owner: { id: string; email: string; name: string } };

/** Every active token of every user (admins, account page), newest first. */
export async function listActiveApiTokens(limit = 500): Promise<ApiTokenWithOwner[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    where: { revokedAt: null },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({ ...summary(r), owner: r.user }));
}

function summary(r: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenSummary {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/** The user's tokens, newest first, active and revoked. */
export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(summary);
}
