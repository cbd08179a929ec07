// 403 for a page the signed-in user may not see (forbidden() from a page guard): says why, and links to
// the user's own start page. The path comes from proxy.ts; the reason from lib/pages/forbidden-reason.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { AppNav } from "@/components/app-nav";
import { principalFromSession } from "@/lib/auth/current-principal";
import { PATH_HEADER } from "@/lib/http/security-headers";
import { forbiddenReason } from "@/lib/pages/forbidden-reason";
import { landingPath } from "@/lib/pages/page-principal";

export const metadata: Metadata = { title: "Access denied · IoMT Ward" };

export default async function Forbidden() {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const principal = await principalFromSession();
  const reason = forbiddenReason(path, principal?.role ?? null);
  return (
    <>
      {principal && <AppNav principal={principal} current={path} />}
      <main className="mx-auto max-w-xl px-4 py-16">
        <p className="text-sm font-medium text-alarm-high">403 · Access denied</p>
        <h1 className="mt-1 text-2xl font-semibold">{reason.title}</h1>
        <p className="mt-4 text-ink-muted">{reason.detail}</p>
        {principal && (
          <p className="mt-6">
            <Link href={landingPath(principal)} className="text-accent underline">
              Go to your start page
            </Link>
          </p>
        )}
      </main>
    </>
  );
}
