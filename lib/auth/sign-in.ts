// Password sign-in (next-auth's credentials provider calls this): throttled per account and per client IP
// (lib/auth/login-throttle), the same work for unknown, disabled and known accounts (a dummy scrypt hash,
// so timing tells nothing), the TOTP code for accounts that enrolled, an audit event either way, and a
// server-side session (lib/auth/user-sessions) on success.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { verifyPassword } from "./password";
import { clearLoginFailures, lockMessage, loginLock, recordLoginFailure } from "./login-throttle";
import { verifyTotp } from "./totp";
import { createSession, endSession } from "./user-sessions";

/** A scrypt hash of a random password nobody knows, with the live parameters: verified for unknown accounts. */
const DUMMY_HASH = "scrypt$32768$8$1$juXLBYTWOS3x1dNZHUGI_Q$h87YtqArn3ML4gHGFGzutqy90xmfluBA-dJ6K1zHM7o";

/** Codes the sign-in form understands (next-auth carries the thrown message to it as `error`). */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", totpRequired: "TOTP_REQUIRED", totpInvalid: "TOTP_INVALID" } as const;

export class SignInError extends Error {
  override readonly name = "SignInError";
}

export type SignedIn = { userId: string; email: string; name: string; sessionId: string; authAt: number };

export async function signInWithPassword(
  input: { email: string; password: string; totp?: string },
  meta: RequestMeta,
): Promise<SignedIn | null> {
  const email = input.email.trim().toLowerCase();
  const lock = await loginLock(email, meta.ip);
  if (lock) {
    await recordAudit([{ actor: { email }, action: "auth.sign_in_locked", detail: { scope: lock.scope }, meta }]);
    throw new SignInError(lockMessage(lock));
  }
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      disabledAt: true,
      security: { select: { totpEnabledAt: true } },
    },
  });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const ok = !!user && !user.disabledAt && passwordOk;
  if (ok && user.security?.totpEnabledAt) {
    if (!input.totp) throw new SignInError(SIGN_IN_ERRORS.totpRequired);
    if (!(await verifyTotp(user.id, input.totp.trim()))) {
      await fail(email, meta, { userId: user.id, email, role: user.role }, "totp");
      throw new SignInError(SIGN_IN_ERRORS.totpInvalid);
    }
  }
  if (!ok) {
    const locked = await fail(email, meta, user ? { userId: user.id, email, role: user.role } : { email }, "password");
    if (locked) throw new SignInError(lockMessage(locked));
    return null;
  }
  await clearLoginFailures(email);
  const session = await createSession(user.id, meta);
  await recordAudit([{ actor: { userId: user.id, email, role: user.role }, action: "auth.sign_in", meta }]);
  return { userId: user.id, email: user.email, name: user.name, sessionId: session.id, authAt: session.authAt };
}

async function fail(
  email: string,
  meta: RequestMeta,
  actor: { userId: string; email: string; role: "admin" | "nurse" | "physician" | "patient" | "biomed" } | { email: string },
  factor: "password" | "totp",
) {
  const locked = await recordLoginFailure(email, meta.ip);
  await recordAudit([{ actor, action: "auth.sign_in_failed", detail: { factor, ...(locked ? { locked: locked.scope } : {}) }, meta }]);
  return locked;
}

/** Sign-out: ends the server-side session (a copied cookie is dead from now on) and audits it. */
export async function signOutSession(sid: string): Promise<void> {
  const prisma = await getPrisma();
  const session = await prisma.userSession.findUnique({
    where: { id: sid },
    select: { user: { select: { id: true, email: true, role: true } } },
  });
  if (!(await endSession(sid, "signed_out")) || !session) return;
  const u = session.user;
  await recordAudit([{ actor: { userId: u.id, email: u.email, role: u.role }, action: "auth.sign_out" }]);
}
