// next-auth configuration: email + password (scrypt), JWT session cookie carrying only the user id.
// Role, wards and patient link are read from the database on every request (lib/auth/load-principal).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { authSecret } from "./auth-secret";

/** Automatic logoff (HIPAA 164.312(a)(2)(iii)): a session ends after this long. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const email = parsed.data.email.toLowerCase();
          const prisma = await getPrisma();
          const user = await prisma.user.findUnique({ where: { email } });
          const ok = user && !user.disabledAt && (await verifyPassword(parsed.data.password, user.passwordHash));
          const h = (req?.headers ?? {}) as Record<string, string | undefined>;
          const meta = { ip: h["x-forwarded-for"]?.split(",")[0]?.trim() ?? h["x-real-ip"] ?? null, userAgent: h["user-agent"] ?? null };
          await recordAudit([
            {
              actor: user && ok ? { userId: user.id, email, role: user.role } : { email },
              action: ok ? "auth.sign_in" : "auth.sign_in_failed",
              meta,
            },
          ]);
          if (!user || !ok) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
