// Browser sessions for tests: a server-side session row (lib/auth/user-sessions) and the next-auth
// session cookie that carries it, exactly as a real sign-in makes them.
import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/auth/user-sessions";

export const TEST_AUTH_SECRET = "test-secret-test-secret-test-secret-000";

/** A `Cookie` header value for a fresh session of `userId` (its id is `sid`). */
export async function sessionCookie(userId: string, opts: { maxAgeS?: number } = {}): Promise<{ cookie: string; sid: string }> {
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  const session = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  const jwt = await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET, maxAge: opts.maxAgeS ?? 8 * 3600 });
  return { cookie: `next-auth.session-token=${jwt}`, sid: session.id };
}

/** A cookie with no server-side session (as issued before sessions were checked). */
export async function sessionlessCookie(userId: string): Promise<string> {
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  return `next-auth.session-token=${await encode({ token: { sub: userId }, secret: process.env.AUTH_SECRET, maxAge: 3600 })}`;
}
