"use client";
// The privacy page's sections: consent toggles, downloads, the erasure request with its status and the
// legal-retention rule, and the access report. Single column, large touch targets (390 px wide phones).
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { formatUtc } from "@/components/ui/time";
import { RetentionRuleText } from "@/components/data-rights/retention-rule-text";
import { refusalText } from "@/lib/actions/refusal-text";
import type { ConsentState } from "@/lib/consent/consent-purposes";
import type { ErasureRequestView } from "@/lib/data-rights/retention-rule";
import { requestErasureAction, setConsentAction } from "./actions";

type Consent = ConsentState & { label: string; text: string };
type Access = { at: string; action: string; label: string; user: { name: string; role: string | null }; self: boolean };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-panel p-3 sm:p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

function ConsentToggle({ c, onError }: { c: Consent; onError: (e: string | null) => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const toggle = () =>
    start(async () => {
      const res = await setConsentAction({ purpose: c.purpose, granted: !c.granted });
      onError(res.ok ? null : refusalText(res));
      if (res.ok) router.refresh();
    });
  return (
    <li className="flex items-start justify-between gap-3 border-t border-line py-3 first:border-t-0">
      <div>
        <div className="font-medium" id={`consent-${c.purpose}`}>
          {c.label}
        </div>
        <p className="text-sm text-ink-muted">{c.text}</p>
        <p className="text-xs text-ink-muted">
          {c.recordedAt ? `Your decision of ${formatUtc(c.recordedAt)} (text ${c.textVersion})` : "Default: you have not decided yet"}
        </p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={c.granted}
        aria-labelledby={`consent-${c.purpose}`}
        disabled={pending}
        onClick={toggle}
        className={`relative h-8 w-14 shrink-0 rounded-full border border-line-strong transition ${c.granted ? "bg-accent" : "bg-canvas"}`}
      >
        <span className={`absolute top-1 h-6 w-6 rounded-full bg-ink transition-all ${c.granted ? "left-7" : "left-1"}`} />
        <span className="sr-only">{c.granted ? "granted" : "not granted"}</span>
      </button>
    </li>
  );
}

const STATUS_TEXT: Record<string, string> = {
  pending: "Pending: an administrator will review it.",
  completed: "Completed.",
  refused: "Refused.",
};

function ErasureSection({ requests, onError }: { requests: ErasureRequestView[]; onError: (e: string | null) => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState("");
  const open = requests.find((r) => r.status === "pending");
  const ask = () =>
    start(async () => {
      const res = await requestErasureAction({ note });
      onError(res.ok ? null : refusalText(res));
      if (res.ok) router.refresh();
    });
  return (
    <div className="space-y-3">
      {requests.length > 0 && (
        <ul className="space-y-2" aria-label="Your erasure requests">
          {requests.map((r) => (
            <li key={r.id} className="rounded border border-line p-2 text-sm" data-testid="erasure-status">
              <div>
                Asked {formatUtc(r.requestedAt)}: <strong>{STATUS_TEXT[r.status]}</strong>
              </div>
              {r.decisionReason && <div className="text-ink-muted">Reason: {r.decisionReason}</div>}
              {r.retainUntil && <div className="text-ink-muted">Your clinical record is kept until {r.retainUntil.slice(0, 10)}.</div>}
            </li>
          ))}
        </ul>
      )}
      {!open && (
        <div className="space-y-2">
          <label htmlFor="erasure-note" className="block text-sm">
            Anything we should know (optional)
          </label>
          <textarea
            id="erasure-note"
            className="w-full rounded border border-line-strong bg-canvas p-2 text-base"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button variant="warning" className="min-h-11 w-full" disabled={pending} onClick={ask}>
            Ask for my data to be erased
          </Button>
        </div>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer py-2">What is erased, what is kept and why</summary>
        <RetentionRuleText />
      </details>
    </div>
  );
}

export function PrivacyView({ consents, requests, access }: { consents: Consent[]; requests: ErasureRequestView[]; access: Access[] }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && (
        <p role="alert" className="text-alarm-high">
          {error}
        </p>
      )}
      <Section id="consents" title="What your data may be used for">
        <ul>
          {consents.map((c) => (
            <ConsentToggle key={c.purpose} c={c} onError={setError} />
          ))}
        </ul>
        <p className="mt-1 text-xs text-ink-muted">A change takes effect at once.</p>
      </Section>
      <Section id="downloads" title="Download your data">
        <div className="flex flex-col gap-2">
          <a className={buttonClass("primary", { className: "min-h-11 text-center leading-8" })} href="/api/v1/me/export" download>
            Download everything (FHIR R4, JSON)
          </a>
          <a
            className={buttonClass("secondary", { className: "min-h-11 text-center leading-8" })}
            href="/api/v1/me/export?format=html"
            target="_blank"
          >
            Readable summary (HTML)
          </a>
        </div>
      </Section>
      <Section id="erasure" title="Erasure of your data">
        <ErasureSection requests={requests} onError={setError} />
      </Section>
      <Section id="access" title="Who looked at your record">
        {access.length === 0 ? (
          <p className="text-sm text-ink-muted">Nobody yet.</p>
        ) : (
          <ol className="divide-y divide-line" data-testid="access-report">
            {access.map((a, i) => (
              <li key={`${a.at}-${i}`} className="py-2 text-sm">
                <div className="font-medium">{a.self ? "You" : a.user.name}</div>
                <div className="text-ink-muted">
                  {a.user.role ?? "system"} · {a.label}
                </div>
                <div className="text-xs text-ink-muted">{formatUtc(a.at)} UTC</div>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
