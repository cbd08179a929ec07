// Builds a Principal from the database: role, linked patient, wards and the care-team patients. Disabled users get nothing.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { hashSecret } from "./secret-token";
import { loadCarePatientIds } from "./care-scope";
import type { Principal } from "./principal";

/** `credential`: the session (id, last proof of identity) or the API token the request came with. */
export async function loadPrincipal(
  userId: string,
  via: Principal["via"],
  credential: { sessionId?: string; authAt?: number; tokenId?: string } = {},
): Promise<Principal | null> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, patientId: true, disabledAt: true, wards: { select: { wardId: true } } },
  });
  if (!user || user.disabledAt) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    patientId: user.patientId,
    wardIds: user.wards.map((w) => w.wardId),
    carePatientIds: user.role === "nurse" || user.role === "physician" ? await loadCarePatientIds(prisma, user.id) : [],
    via,
    ...credential,
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** A personal API token (`Authorization: Bearer iomt_...`). */
export async function principalFromApiToken(token: string): Promise<Principal | null> {
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return loadPrincipal(row.userId, "token", { tokenId: row.id });
}

export function bearerToken(authorization: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m ? m[1]! : null;
}
