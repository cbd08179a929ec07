// What a signed-in page shows in its first bytes while its data streams in (the Suspense fallback of a
// page that has already checked who may see it): the nav bar without the live alert count, and a line
// saying what is loading.
import type { Principal } from "@/lib/auth/principal";
import { AppNavPlaceholder } from "./app-nav";

export function PageLoading({ principal, current, what }: { principal: Principal; current?: string; what: string }) {
  return (
    <>
      <AppNavPlaceholder principal={principal} current={current} />
      <main className="px-4 py-3" aria-busy="true">
        <p className="text-sm text-ink-muted">Loading {what}…</p>
      </main>
    </>
  );
}
