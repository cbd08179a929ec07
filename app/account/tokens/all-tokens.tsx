"use client";
// Admins: every user's active tokens, each revocable (its live connections drop at once).
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApiTokenWithOwner } from "@/lib/auth/api-tokens";
import { TokenRow } from "./tokens-panel";

export function AllTokens({ tokens }: { tokens: ApiTokenWithOwner[] }) {
  return (
    <section aria-labelledby="all-tokens" className="mt-10">
      <h2 id="all-tokens" className="text-lg font-semibold">
        Active tokens of all users
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        As an admin you may revoke any token, for example when its owner leaves or it may have leaked.
      </p>
      <DataTable
        className="mt-3 overflow-x-auto rounded-lg border border-line"
        thClassName="px-3 py-2 font-medium"
        columns={["Owner", "Name", "Token", "Created", "Last used", "Status", { label: "", srLabel: "Actions" }]}
        rows={tokens}
        row={(t) => <TokenRow key={t.id} token={t} owner={`${t.owner.name} (${t.owner.email})`} />}
        empty={<EmptyState className="mt-2 text-sm">No active tokens.</EmptyState>}
      />
    </section>
  );
}
