// next-auth configuration: email + password (scrypt) and, for enrolled admins, a TOTP code; the JWT
// session cookie carries the user id and the server-side session id (`sid`), checked against the
// sessions table on every request (lib/auth/session-cookie). Sign-out ends that session server-side, so
// a copied cookie is dead afterwards. Role, wards and patient link are read from the database on every
// request (lib/auth/load-principal).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { requestMetaFromHeaders } from "@/lib/audit/record-audit";
import { authSecret } from "./auth-secret";
import { signInWithPassword, SignInError, signOutSession } from "./sign-in";
import { sessionMaxAgeMs } from "./user-sessions";

const credentialsSchema = z.object({
  email: z.string().email(),
  password: z.string().min(1),
  totp: z.string().max(12).optional(),
});

export function authOptions(): NextAuthOptions {
  const maxAge = Math.round(sessionMaxAgeMs() / 1000);
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          totp: { label: "Code", type: "text" },
        },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse({ ...raw, totp: raw?.totp || undefined });
          if (!parsed.success) return null;
          const h = new Headers();
          for (const [k, v] of Object.entries((req?.headers ?? {}) as Record<string, string | undefined>)) if (v) h.set(k, v);
          try {
            const signedIn = await signInWithPassword(parsed.data, requestMetaFromHeaders(h));
            if (!signedIn) return null;
            return { id: signedIn.userId, email: signedIn.email, name: signedIn.name, sid: signedIn.sessionId };
          } catch (err) {
            if (err instanceof SignInError) throw new Error(err.message);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sid?: string }).sid;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await signOutSession(token.sid);
      },
    },
  };
}
