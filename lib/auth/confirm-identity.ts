// Re-authentication (ASVS V7.5): a signed-in user confirms the password (and the TOTP code when enrolled)
// to refresh the session's proof of identity, which admin changes require when it is older than
// ADMIN_REAUTH_MINUTES. Failures count towards the sign-in lockout like a failed sign-in.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { verifyPassword } from "./password";
import { lockMessage, loginLock, recordLoginFailure } from "./login-throttle";
import { verifyTotp } from "./totp";
import { markReauthenticated } from "./user-sessions";
import type { Principal } from "./principal";

export async function confirmIdentity(principal: Principal, input: { password: string; totp?: string }, meta: RequestMeta): Promise<void> {
  if (!principal.sessionId) throw new Refusal("invalid", "only a browser session can be confirmed");
  const lock = await loginLock(principal.email, meta.ip);
  if (lock) throw new Refusal("rate_limited", lockMessage(lock), { retryAfterSec: lock.retryAfterSec });
  const prisma = await getPrisma();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: principal.userId },
    select: { passwordHash: true, security: { select: { totpEnabledAt: true } } },
  });
  const passwordOk = await verifyPassword(input.password, user.passwordHash);
  const totpOk = !user.security?.totpEnabledAt || (passwordOk && !!input.totp && (await verifyTotp(principal.userId, input.totp.trim())));
  if (!passwordOk || !totpOk) {
    const locked = await recordLoginFailure(principal.email, meta.ip);
    await recordAudit([
      { actor: principal, action: "auth.reauthenticate_failed", detail: { factor: passwordOk ? "totp" : "password" }, meta },
    ]);
    if (locked) throw new Refusal("rate_limited", lockMessage(locked), { retryAfterSec: locked.retryAfterSec });
    throw new Refusal("invalid", passwordOk ? "the code is not valid" : "the password is not correct", {
      field: passwordOk ? "totp" : "password",
    });
  }
  await markReauthenticated(principal.sessionId);
  await recordAudit([{ actor: principal, action: "auth.reauthenticate", meta }]);
}
