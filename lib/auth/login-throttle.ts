// Sign-in throttling (ASVS V6.3 / V2.2 anti-automation) with rate-limiter-flexible: failures are counted per
// account (the e-mail as typed, so an unknown address locks the same way and reveals nothing) and per
// client IP. LOGIN_MAX_FAILURES failures on an account, or LOGIN_IP_MAX_FAILURES from an IP, within the
// cooling period lock it for LOGIN_LOCKOUT_MINUTES; a successful sign-in clears the account's count.
// Counters live in this process (one app node; with several nodes each counts on its own).
import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

type Limiters = { account: RateLimiterMemory; ip: RateLimiterMemory; config: string };

function limiters(): Limiters {
  const e = env();
  const lockSec = Math.max(1, Math.round(e.LOGIN_LOCKOUT_MINUTES * 60));
  const config = `${e.LOGIN_MAX_FAILURES}/${e.LOGIN_IP_MAX_FAILURES}/${lockSec}`;
  const current = processSingleton<{ value?: Limiters }>("loginThrottle", () => ({}));
  if (current.value?.config !== config) {
    current.value = {
      account: new RateLimiterMemory({ keyPrefix: "login_account", points: e.LOGIN_MAX_FAILURES, duration: lockSec }),
      ip: new RateLimiterMemory({ keyPrefix: "login_ip", points: e.LOGIN_IP_MAX_FAILURES, duration: lockSec }),
      config,
    };
  }
  return current.value;
}

function lockSeconds(): number {
  return Math.max(1, Math.round(env().LOGIN_LOCKOUT_MINUTES * 60));
}

export type LoginLock = { scope: "account" | "ip"; retryAfterSec: number };

/** Whether this account or this IP is locked now (checked before the password). */
export async function loginLock(email: string, ip: string | null): Promise<LoginLock | null> {
  const l = limiters();
  const acc = await l.account.get(email);
  if (acc && acc.consumedPoints >= env().LOGIN_MAX_FAILURES) return { scope: "account", retryAfterSec: Math.ceil(acc.msBeforeNext / 1000) };
  if (ip) {
    const byIp = await l.ip.get(ip);
    if (byIp && byIp.consumedPoints >= env().LOGIN_IP_MAX_FAILURES)
      return { scope: "ip", retryAfterSec: Math.ceil(byIp.msBeforeNext / 1000) };
  }
  return null;
}

/** Counts a failed sign-in; the failure that reaches the limit locks for the whole cooling period. */
export async function recordLoginFailure(email: string, ip: string | null): Promise<LoginLock | null> {
  const l = limiters();
  const lock = lockSeconds();
  let result: LoginLock | null = null;
  const acc = await l.account.consume(email).catch((r: unknown) => r as { remainingPoints: number });
  if (acc.remainingPoints <= 0) {
    await l.account.block(email, lock);
    result = { scope: "account", retryAfterSec: lock };
  }
  if (ip) {
    const byIp = await l.ip.consume(ip).catch((r: unknown) => r as { remainingPoints: number });
    if (byIp.remainingPoints <= 0) {
      await l.ip.block(ip, lock);
      result ??= { scope: "ip", retryAfterSec: lock };
    }
  }
  return result;
}

export async function clearLoginFailures(email: string): Promise<void> {
  await limiters().account.delete(email);
}

/** The message shown at the sign-in form (and the error code next-auth carries to it). */
export function lockMessage(lock: LoginLock): string {
  const minutes = Math.max(1, Math.ceil(lock.retryAfterSec / 60));
  const what = lock.scope === "account" ? "this account" : "this network address";
  return `Too many failed sign-ins for ${what}. It is locked for ${minutes} minute${minutes === 1 ? "" : "s"}; try again later or ask an administrator.`;
}
