"use client";
// Signs out through next-auth's own endpoints (its CSRF token, then POST /api/auth/signout, which ends the
// server-side session) with two requests of our own: next-auth/react's client would add ~11 KiB of JS to
// every signed-in page for this one button.
import { useState } from "react";

async function signOut(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // A failed request leaves the session open: the page reloads and shows the same signed-in state.
        signOut("/login").catch(() => window.location.reload());
      }}
      className="rounded border border-line-strong px-3 py-1 text-sm text-ink hover:bg-panel-raised disabled:opacity-60"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
