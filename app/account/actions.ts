"use server";
// Server actions of the account page: confirm the password (re-authentication for admin changes) and the
// TOTP second factor (admins): start enrolment, confirm it with a first code, turn it off. Audited; the
// TOTP seed is returned once to the enrolling user and never logged.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { confirmIdentity } from "@/lib/auth/confirm-identity";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "@/lib/auth/totp";

const ADMIN = ["admin"] as const;

export const confirmIdentityAction = safeAction(
  {
    kind: "confirm",
    input: z.object({ password: z.string().min(1, "Enter your password").max(200), totp: z.string().max(12).optional() }),
  },
  async ({ principal, input, meta }) => {
    await confirmIdentity(principal, input, meta);
    return { confirmed: true };
  },
);

export const startTotpAction = safeAction({ roles: ADMIN, input: z.object({}) }, async ({ principal, meta }) => {
  const enrolment = await startTotpEnrolment(principal.userId, principal.email);
  await recordAudit([{ actor: principal, action: "auth.totp_enrolment_started", meta }]);
  return enrolment;
});

export const confirmTotpAction = safeAction(
  { roles: ADMIN, input: z.object({ code: z.string().regex(/^\d{6}$/, "Enter the 6-digit code") }) },
  async ({ principal, input, meta }) => {
    await confirmTotpEnrolment(principal.userId, input.code);
    await recordAudit([{ actor: principal, action: "auth.totp_enabled", meta }]);
    return { enabled: true };
  },
);

export const disableTotpAction = safeAction({ roles: ADMIN, input: z.object({}) }, async ({ principal, meta }) => {
  await disableTotp(principal.userId);
  await recordAudit([{ actor: principal, action: "auth.totp_disabled", meta }]);
  return { disabled: true };
});
