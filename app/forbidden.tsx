// 403 for a page the signed-in user may not see (forbidden() from a page guard): says why, what the
// user's role may do, and links to the pages it may open (the nav's own list, each with its purpose).
// The path comes from proxy.ts; the reason from lib/pages/forbidden-reason.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { AppNav, navLinks } from "@/components/app-nav";
import { principalFromSession } from "@/lib/auth/current-principal";
import { PATH_HEADER } from "@/lib/http/security-headers";
import { forbiddenReason } from "@/lib/pages/forbidden-reason";
import { landingPath } from "@/lib/pages/page-principal";
import { pagePurpose, ROLE_CAN } from "@/lib/pages/role-capabilities";

export const metadata: Metadata = { title: "Access denied · IoMT Ward" };

export default async function Forbidden() {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const principal = await principalFromSession();
  const reason = forbiddenReason(path, principal?.role ?? null);
  const start = principal ? landingPath(principal) : "/login";
  const links = principal ? navLinks(principal).filter((l) => l.href !== path) : [];
  return (
    <>
      {principal && <AppNav principal={principal} current={path} />}
      <main className="mx-auto max-w-2xl px-4 py-16" data-testid="forbidden">
        <p className="text-sm font-medium text-alarm-high">403 · Access denied</p>
        <h1 className="mt-1 text-2xl font-semibold">{reason.title}</h1>
        <p className="mt-4 text-ink-muted">{reason.detail}</p>
        {principal ? (
          <section className="mt-8 rounded-lg border border-line bg-panel p-5" aria-labelledby="forbidden-can">
            <h2 id="forbidden-can" className="font-semibold">
              What you can do
            </h2>
            <p className="mt-2 text-sm text-ink-muted">{ROLE_CAN[principal.role]}</p>
            {start !== path && (
              <p className="mt-4">
                <Link href={start} prefetch={false} className="rounded bg-accent px-3 py-1.5 text-sm font-semibold text-canvas">
                  Go to your start page
                </Link>
              </p>
            )}
            <ul className="mt-4 grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2" aria-label="Pages you can open">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} prefetch={false} className="text-accent underline-offset-2 hover:underline">
                    {l.label}
                  </Link>
                  {pagePurpose(l.href) && <span className="text-ink-muted">: {pagePurpose(l.href)}</span>}
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p className="mt-6">
            <Link href="/login" className="text-accent underline">
              Sign in
            </Link>
          </p>
        )}
      </main>
    </>
  );
}
