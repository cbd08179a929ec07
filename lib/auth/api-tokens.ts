// Personal API tokens (`Authorization: Bearer iomt_...`) for the read API and Socket.IO. The token is
// shown once at creation; only its SHA-256 hash and a short prefix (to recognise it in a list) are kept.
// Used by the account page and the CLI (`tokens create --email`); callers audit what they do.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
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

/** Revokes one of the user's own tokens; another user's token is reported as not found. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<RevokeResult> {
  const prisma = await getPrisma();
  const { count } = await prisma.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 1) return "revoked";
  const existing = await prisma.apiToken.findFirst({ where: { id: tokenId, userId }, select: { id: true } });
  return existing ? "already_revoked" : "not_found";
}

/** The user's tokens, newest first, active and revoked. */
export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
