import { redirect } from "next/navigation";
import { principalFromSession } from "@/lib/auth/current-principal";
import { landingPath } from "@/lib/pages/page-principal";
import { LoginForm } from "./login-form";

/**
 * Only a path on this site (no open redirect): an absolute URL (next-auth sends those) is reduced to its
 * path, so "https://evil.example/x" can only ever lead to "/x" here.
 */
function safeCallback(raw: string | string[] | undefined): string | null {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v, "http://local.invalid");
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  const principal = await principalFromSession();
  if (principal) redirect(callbackUrl ?? landingPath(principal));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-panel p-8">
        <h1 className="text-xl font-semibold">IoMT Ward</h1>
        <p className="mt-1 text-sm text-ink-muted">Sign in to continue.</p>
        <LoginForm callbackUrl={callbackUrl ?? "/"} />
      </div>
    </main>
  );
}
