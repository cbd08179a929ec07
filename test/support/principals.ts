// Test users with personal API tokens, created the way the app stores them (hashed).
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import type { Role } from "@/lib/auth/principal";

export async function createUserWithToken(prisma: PrismaClient, role: Role, opts: { wardIds?: string[]; patientId?: string } = {}) {
  const email = `${role}-${crypto.randomBytes(4).toString("hex")}@test.local`;
  const user = await prisma.user.create({
    data: {
      email,
      name: email,
      role,
      passwordHash: "scrypt$unused",
      patientId: opts.patientId ?? null,
      wards: { create: (opts.wardIds ?? []).map((wardId) => ({ wardId })) },
    },
  });
  const token = generateSecret("iomt");
  await prisma.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashSecret(token), prefix: token.slice(0, 12) } });
  return { user, token };
}
