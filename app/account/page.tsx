// The signed-in user's account: confirm the password (admins need a recent confirmation for changes), the
// optional TOTP second factor (admins), the session rules that apply, and the personal API tokens.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { AppNav } from "@/components/app-nav";
import { getPrisma } from "@/lib/db/database";
import { env } from "@/lib/env";
import { totpStatus } from "@/lib/auth/totp";
import { listOpenSessions, needsReauth } from "@/lib/auth/user-sessions";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { ConfirmIdentity } from "./confirm-identity";
import { TotpPanel } from "./totp-panel";
import { SessionList } from "./session-list";
import { PushSwitch } from "@/components/notify/push-switch";

export const metadata: Metadata = { title: "Account · IoMT Ward" };

export default async function AccountPage() {
  const { principal } = await requirePagePrincipal({ returnTo: "/account" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/account" what="your account" />}>
      <AccountPageContent principal={principal} />
    </Suspense>
  );
}

async function AccountPageContent({ principal }: { principal: Principal }) {
  const prisma = await getPrisma();
  const security = await prisma.userSecurity.findUnique({ where: { userId: principal.userId }, select: { wallScreen: true } });
  const totp = await totpStatus(principal.userId);
  const e = env();
  const stale = needsReauth(principal.authAt);
  const sessions = await listOpenSessions(principal.userId, principal.sessionId);
  return (
    <>
      <AppNav principal={principal} current="/account" />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold">Account</h1>
          <p className="mt-2 text-sm text-ink-muted">
            Signed in as {principal.email} ({principal.role}).{" "}
            {security?.wallScreen
              ? `This is a ward wall screen account: it is not signed out when idle; every session still ends after ${e.SESSION_MAX_HOURS} h.`
              : `You are signed out after ${e.SESSION_IDLE_MINUTES} minutes without activity, and after ${e.SESSION_MAX_HOURS} h in any case.`}
          </p>
        </div>
        <section aria-labelledby="confirm" className="rounded-lg border border-line bg-panel p-5">
          <h2 id="confirm" className="text-lg font-semibold">
            Confirm it is you
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            {principal.role === "admin"
              ? `Admin changes need a sign-in or confirmation less than ${e.ADMIN_REAUTH_MINUTES} minutes old. ${stale ? "Yours is older: confirm your password before making changes." : "Yours is recent."}`
              : "Confirm your password to refresh your sign-in."}
          </p>
          <ConfirmIdentity totp={totp === "on"} />
        </section>
        {principal.role === "admin" && (
          <section aria-labelledby="totp" className="rounded-lg border border-line bg-panel p-5">
            <h2 id="totp" className="text-lg font-semibold">
              Two-step sign-in (authenticator app)
            </h2>
            <TotpPanel status={totp} />
          </section>
        )}
        <section aria-labelledby="sessions" className="rounded-lg border border-line bg-panel p-5">
          <h2 id="sessions" className="text-lg font-semibold">
            Where you are signed in
          </h2>
          <SessionList sessions={sessions} />
        </section>
        <section aria-labelledby="push" className="rounded-lg border border-line bg-panel p-5">
          <h2 id="push" className="text-lg font-semibold">
            Alert notifications
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Alerts meant for you also arrive as a notification on this device. It says only how urgent the alert is and where to open it;
            the details stay behind sign-in.
          </p>
          <PushSwitch />
        </section>
        <p className="text-sm">
          <Link href="/account/tokens" className="text-accent underline">
            Personal API tokens
          </Link>
        </p>
      </main>
    </>
  );
}
