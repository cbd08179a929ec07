// Personal API tokens of the signed-in user, for the read API (/api/v1) and Socket.IO.
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { API_TOKEN_NAME_MAX, listActiveApiTokens, listApiTokens } from "@/lib/auth/api-tokens";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { TokensPanel } from "./tokens-panel";
import { AllTokens } from "./all-tokens";

export const metadata: Metadata = { title: "API tokens · IoMT Ward" };

export default async function TokensPage() {
  const { principal } = await requirePagePrincipal({ returnTo: "/account/tokens" });
  const tokens = await listApiTokens(principal.userId);
  const allTokens = principal.role === "admin" ? await listActiveApiTokens() : null;
  return (
    <>
      <AppNav principal={principal} current="/account/tokens" />
      <main className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Personal API tokens</h1>
        <p className="mt-2 max-w-3xl text-sm text-ink-muted">
          A token lets a script or another system use the read API as you: send it as{" "}
          <code className="rounded bg-panel-raised px-1 font-mono text-ink">Authorization: Bearer &lt;token&gt;</code> to{" "}
          <code className="rounded bg-panel-raised px-1 font-mono text-ink">/api/v1/…</code>. It sees only the patients you may see, and
          every read made with it is recorded in the audit log under your name.
        </p>
        <div className="mt-8">
          <TokensPanel tokens={tokens} nameMax={API_TOKEN_NAME_MAX} />
        </div>
        {allTokens && <AllTokens tokens={allTokens} />}
      </main>
    </>
  );
}
