"use client";
// Lists the user's personal API tokens, creates one (shown once, with a copy button) and revokes one.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

type Created = { name: string; token: string };

const inputClass =
  "block w-full rounded border border-line-strong bg-canvas px-3 py-2 text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none";
const buttonClass = "rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60";

/** Deterministic on server and client (no hydration mismatch), unambiguous for integrators. */
function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

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
          <div className="min-w-64 flex-1">
            <label htmlFor="token-name" className="block text-sm font-medium">
              Name
            </label>
            <input
              id="token-name"
              name="name"
              required
              maxLength={nameMax}
              placeholder="e.g. EHR interface, analytics notebook"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "token-error" : undefined}
              className={`mt-1 ${inputClass}`}
            />
          </div>
          <button type="submit" disabled={pending} className={`${buttonClass} bg-accent py-2 text-canvas hover:brightness-110`}>
            {pending ? "Creating…" : "Create token"}
          </button>
        </form>
        {error && (
          <p id="token-error" role="alert" className="mt-3 text-sm text-alarm-high">
            {error}
          </p>
        )}
        {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      </section>

      <section aria-labelledby="your-tokens">
        <h2 id="your-tokens" className="text-lg font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">You have no API tokens.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-line">
            <table className="w-full text-left text-sm">
              <thead className="bg-panel text-ink-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Name</th>
                  <th scope="col" className="px-3 py-2 font-medium">Token</th>
                  <th scope="col" className="px-3 py-2 font-medium">Created</th>
                  <th scope="col" className="px-3 py-2 font-medium">Last used</th>
                  <th scope="col" className="px-3 py-2 font-medium">Status</th>
                  <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <TokenRow key={t.id} token={t} />
                ))}
              </tbody>
            </table>
          </div>
        )}
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
        <input
          readOnly
          aria-label="New API token"
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} flex-1 font-mono text-sm`}
        />
        <button type="button" onClick={copy} className={`${buttonClass} bg-accent py-2 text-canvas hover:brightness-110`}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone} className={`${buttonClass} border border-line-strong py-2 text-ink hover:bg-panel-raised`}>
          Done
        </button>
      </div>
      {copied === "failed" && <p className="mt-2 text-sm text-alarm-medium">Copying is blocked here: select the token and copy it by hand.</p>}
    </div>
  );
}

function TokenRow({ token }: { token: ApiTokenSummary }) {
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
      <td className="px-3 py-2 font-medium">{token.name}</td>
      <td className="px-3 py-2 font-mono text-ink-muted">{token.prefix}…</td>
      <td className="px-3 py-2 tabular whitespace-nowrap">{formatUtc(token.createdAt)}</td>
      <td className="px-3 py-2 tabular whitespace-nowrap">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : "Never"}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {token.revokedAt ? <span className="text-ink-muted">Revoked {formatUtc(token.revokedAt)}</span> : <span className="text-ok">Active</span>}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        {!token.revokedAt &&
          (confirming ? (
            <span className="inline-flex gap-2">
              <button type="button" disabled={pending} onClick={revoke} className={`${buttonClass} bg-alarm-high text-canvas`}>
                {pending ? "Revoking…" : `Revoke “${token.name}”`}
              </button>
              <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={`${buttonClass} border border-line-strong text-ink`}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className={`${buttonClass} border border-line-strong text-ink hover:bg-panel-raised`}>
              Revoke
            </button>
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
