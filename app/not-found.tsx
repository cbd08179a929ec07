// 404 in the app's own dark style: for an unknown address and for notFound() from a page. Says which
// address was not found and leads back to the user's start page (or to sign-in).
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { AppNav } from "@/components/app-nav";
import { principalFromSession } from "@/lib/auth/current-principal";
import { PATH_HEADER } from "@/lib/http/security-headers";
import { landingPath } from "@/lib/pages/page-principal";

export const metadata: Metadata = { title: "Page not found · IoMT Ward" };

export default async function NotFound() {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const principal = await principalFromSession();
  return (
    <>
      {principal && <AppNav principal={principal} />}
      <main className="mx-auto max-w-xl px-4 py-16" data-testid="not-found">
        <p className="text-sm font-medium text-accent">404 · Page not found</p>
        <h1 className="mt-1 text-2xl font-semibold">There is no page at this address</h1>
        {path && (
          <p className="mt-4 text-ink-muted">
            Nothing is found at <code className="rounded bg-panel-raised px-1.5 py-0.5 text-ink">{path}</code>. The link may be mistyped, or
            the item was removed.
          </p>
        )}
        <p className="mt-6 flex flex-wrap gap-3">
          {principal ? (
            <Link
              href={landingPath(principal)}
              prefetch={false}
              className="rounded bg-accent px-3 py-1.5 text-sm font-semibold text-canvas"
            >
              Go to your start page
            </Link>
          ) : (
            <Link href="/login" className="rounded bg-accent px-3 py-1.5 text-sm font-semibold text-canvas">
              Sign in
            </Link>
          )}
        </p>
      </main>
    </>
  );
}
