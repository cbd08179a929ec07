"use client";
// Lists the user's personal API tokens, creates one (shown once, with a copy button) and revokes one.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { UtcTime } from "@/components/ui/time";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

type Created = { name: string; token: string };

export function TokensPanel({ tokens, nameMax }: { tokens: ApiTokenSummary[]; nameMax: number }) {
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setError(null);
    startTransition(async () => {
      const res = await createTokenAction({ name });
      if (!res.ok) {
        setError(res.fieldErrors?.name ?? res.error);
        return;
      }
      setCreated({ name: name.trim(), token: res.data.token });
      form.reset();
      router.refresh();
    });
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="create-token" className="rounded-lg border border-line bg-panel p-5">
        <h2 id="create-token" className="text-lg font-semibold">
          Create a token
        </h2>
        <form onSubmit={onCreate} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
          <Field id="token-name" label="Name" className="min-w-64 flex-1">
            <Input
              id="token-name"
              name="name"
              required
              maxLength={nameMax}
              placeholder="e.g. EHR interface, analytics notebook"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "token-error" : undefined}
              look="large"
              className="mt-1"
            />
          </Field>
          <Button type="submit" variant="primary" disabled={pending} className="py-2">
            {pending ? "Creating…" : "Create token"}
          </Button>
        </form>
        {error && (
          <FormMessage id="token-error" className="mt-3">
            {error}
          </FormMessage>
        )}
        {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      </section>

      <section aria-labelledby="your-tokens">
        <h2 id="your-tokens" className="text-lg font-semibold">
          Your tokens
        </h2>
        <DataTable
          className="mt-3 overflow-x-auto rounded-lg border border-line"
          thClassName="px-3 py-2 font-medium"
          columns={["Name", "Token", "Created", "Last used", "Status", { label: "", srLabel: "Actions" }]}
          rows={tokens}
          row={(t) => <TokenRow key={t.id} token={t} />}
          empty={<EmptyState className="mt-2 text-sm">You have no API tokens.</EmptyState>}
        />
      </section>
    </div>
  );
}

function NewToken({ created, onDone }: { created: Created; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div role="status" className="mt-4 rounded border border-alarm-medium bg-alarm-medium-bg p-4">
      <p className="font-medium">Token “{created.name}” created. Copy it now: it will not be shown again.</p>
      <p className="mt-1 text-sm text-ink-muted">
        It acts with your role and ward access. Keep it secret like a password; revoke it if it may have leaked.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Input
          readOnly
          aria-label="New API token"
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          look="large"
          className="flex-1 font-mono text-sm"
        />
        <Button variant="primary" onClick={copy} className="py-2">
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button onClick={onDone} className="py-2">
          Done
        </Button>
      </div>
      {copied === "failed" && (
        <p className="mt-2 text-sm text-alarm-medium">Copying is blocked here: select the token and copy it by hand.</p>
      )}
    </div>
  );
}

/** One token; `owner` adds the owner's column (the admin list of every user's active tokens). */
export function TokenRow({ token, owner }: { token: ApiTokenSummary; owner?: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    setError(null);
    startTransition(async () => {
      const res = await revokeTokenAction({ tokenId: token.id });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setConfirming(false);
      router.refresh();
    });
  }

  return (
    <tr className="border-t border-line align-top">
      {owner !== undefined && <td className="px-3 py-2">{owner}</td>}
      <td className="px-3 py-2 font-medium">{token.name}</td>
      <td className="px-3 py-2 font-mono text-ink-muted">{token.prefix}…</td>
      <td className="px-3 py-2 tabular whitespace-nowrap">
        <UtcTime iso={token.createdAt} zone />
      </td>
      <td className="px-3 py-2 tabular whitespace-nowrap">{token.lastUsedAt ? <UtcTime iso={token.lastUsedAt} zone /> : "Never"}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {token.revokedAt ? (
          <span className="text-ink-muted">
            Revoked <UtcTime iso={token.revokedAt} zone />
          </span>
        ) : (
          <span className="text-ok">Active</span>
        )}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        {!token.revokedAt &&
          (confirming ? (
            <span className="inline-flex gap-2">
              <Button variant="danger" disabled={pending} onClick={revoke}>
                {pending ? "Revoking…" : `Revoke “${token.name}”`}
              </Button>
              <Button variant="outline" disabled={pending} onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </span>
          ) : (
            <Button onClick={() => setConfirming(true)}>Revoke</Button>
          ))}
        {error && (
          <p role="alert" className="mt-1 text-alarm-high">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
