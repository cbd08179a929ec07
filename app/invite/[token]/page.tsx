// A one-time invite link: the invited person chooses a password, then signs in.
import type { Metadata } from "next";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Set your password</h1>
      <p className="mt-2 text-sm text-ink-muted">This link works once. Choose a password of at least 10 characters, then sign in.</p>
      <SetPasswordForm token={token} />
    </main>
  );
}
