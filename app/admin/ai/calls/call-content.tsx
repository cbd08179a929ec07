"use client";
// One call's logged content (only while content logging kept it): the de-identified messages sent and
// the answer, fetched when asked for.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { UtcTime } from "@/components/ui/time";
import type { CallContent } from "@/lib/ai/service-types";
import { loadCallContentAction } from "./actions";

export function CallContentView({ callId }: { callId: string }) {
  const [content, setContent] = useState<CallContent | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const load = () =>
    startTransition(async () => {
      const res = await loadCallContentAction({ callId });
      if (res.ok) setContent(res.data);
      else setError(res.error);
    });
  if (content === undefined) {
    return (
      <div>
        <Button variant="small" onClick={load} disabled={pending}>
          {pending ? "Loading…" : "Show logged content"}
        </Button>
        {error && <FormMessage size="xs">{error}</FormMessage>}
      </div>
    );
  }
  if (content === null) return <p className="text-xs text-ink-muted">The content has been purged.</p>;
  return (
    <div className="space-y-2">
      <p className="text-xs text-ink-muted">
        Kept until <UtcTime iso={content.expiresAt} zone />.
      </p>
      {content.messages.map((m, i) => (
        <section key={i} className="rounded border border-line bg-canvas">
          <header className="border-b border-line px-3 py-1 font-mono text-xs text-ink-muted">sent · {m.role}</header>
          <pre className="max-h-72 overflow-y-auto px-3 py-2 font-mono text-xs whitespace-pre-wrap">{m.content}</pre>
        </section>
      ))}
      <section className="rounded border border-line bg-canvas">
        <header className="border-b border-line px-3 py-1 font-mono text-xs text-ink-muted">answer</header>
        <pre className="max-h-72 overflow-y-auto px-3 py-2 font-mono text-xs whitespace-pre-wrap">{content.response ?? "—"}</pre>
      </section>
    </div>
  );
}
