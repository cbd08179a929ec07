// Optional TOTP second factor (RFC 6238, otpauth) for admin accounts: enrol (a secret shown once as an
// otpauth:// URI for an authenticator app), confirm with a first code, then every sign-in asks for a code.
// The seed is stored sealed (lib/auth/secret-box); a code is accepted once (its time step is remembered).
import "server-only";
import { Secret, TOTP } from "otpauth";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { openSecret, sealSecret } from "./secret-box";

const PURPOSE = "totp";
const PERIOD_S = 30;
const ISSUER = "IoMT Ward";

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secretBase32) });
}

export type TotpStatus = "off" | "pending" | "on";

export async function totpStatus(userId: string): Promise<TotpStatus> {
  const prisma = await getPrisma();
  const row = await prisma.userSecurity.findUnique({ where: { userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!row?.totpSecret) return "off";
  return row.totpEnabledAt ? "on" : "pending";
}

/** Starts (or restarts) enrolment: a new seed, not yet required at sign-in. Returns the otpauth:// URI. */
export async function startTotpEnrolment(userId: string, email: string): Promise<{ uri: string; secret: string }> {
  const prisma = await getPrisma();
  const secret = new Secret({ size: 20 }).base32;
  const sealed = sealSecret(secret, PURPOSE);
  await prisma.userSecurity.upsert({
    where: { userId },
    create: { userId, totpSecret: sealed, totpEnabledAt: null, totpLastStep: null },
    update: { totpSecret: sealed, totpEnabledAt: null, totpLastStep: null },
  });
  return { uri: totpFor(secret, email).toString(), secret };
}

/** Accepts `code` for this user's seed at most once per time step; true when it is valid now. */
async function acceptCode(userId: string, code: string, requireEnabled: boolean, now: number): Promise<boolean> {
  const prisma = await getPrisma();
  const row = await prisma.userSecurity.findUnique({ where: { userId } });
  if (!row?.totpSecret || (requireEnabled && !row.totpEnabledAt)) return false;
  const secret = openSecret(row.totpSecret, PURPOSE);
  if (!secret || !/^\d{6}$/.test(code)) return false;
  const delta = totpFor(secret, "x").validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return false;
  const step = BigInt(Math.floor(now / 1000 / PERIOD_S) + delta);
  if (row.totpLastStep !== null && step <= row.totpLastStep) return false;
  const { count } = await prisma.userSecurity.updateMany({
    where: { userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step, ...(requireEnabled ? {} : { totpEnabledAt: new Date(now) }) },
  });
  return count === 1;
}

/** Confirms enrolment with a first code; from then on sign-in asks for a code. */
export async function confirmTotpEnrolment(userId: string, code: string, now = Date.now()): Promise<void> {
  if ((await totpStatus(userId)) !== "pending") throw new Refusal("conflict", "start the enrolment first", { field: "code" });
  if (!(await acceptCode(userId, code, false, now)))
    throw new Refusal("invalid", "the code is not valid; check the clock of the device", { field: "code" });
}

/** A sign-in code for an account with TOTP on. */
export function verifyTotp(userId: string, code: string, now = Date.now()): Promise<boolean> {
  return acceptCode(userId, code, true, now);
}

export async function disableTotp(userId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.userSecurity.updateMany({ where: { userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
}

/** The current code for a seed (tests, and the CLI-free check of an enrolment). */
export function currentTotpCode(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32, "x").generate({ timestamp: now });
}
