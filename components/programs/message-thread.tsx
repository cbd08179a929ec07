"use client";
// A conversation between a home patient and the care team: the messages (own side on the right), a box to
// write a new one, and live arrivals (Socket.IO `message:new` for this patient). Used by the portal and
// the remote patients page; the caller passes how to send (a server action).
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { UtcTime } from "@/components/ui/time";
import { useSocketEvent } from "@/components/live/use-live-socket";
import type { CareMessage, CareMessageDirection } from "@/lib/events";

export type SendResult = { ok: true; message: CareMessage } | { ok: false; error: string };

export function MessageThread({
  patientId,
  initial,
  side,
  send,
}: {
  patientId: string;
  initial: CareMessage[];
  /** Whose screen this is: their messages sit on the right. */
  side: CareMessageDirection;
  send: (body: string) => Promise<SendResult>;
}) {
  const [messages, setMessages] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const add = (m: CareMessage) => setMessages((list) => (list.some((x) => x.id === m.id) ? list : [...list, m]));
  useSocketEvent("message:new", (m) => {
    if (m.patientId === patientId) add(m);
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = String(new FormData(form).get("body") ?? "");
    setError(null);
    startTransition(async () => {
      const r = await send(body);
      if (!r.ok) return setError(r.error);
      add(r.message);
      form.reset();
    });
  }
  const inputId = `message-${patientId}`;
  return (
    <div className="flex flex-col gap-3">
      <ol aria-label="Messages" aria-live="polite" className="flex max-h-[60vh] flex-col gap-2 overflow-y-auto">
        {messages.length === 0 && <li className="text-sm text-ink-muted">No messages yet.</li>}
        {messages.map((m) => {
          const mine = m.direction === side;
          return (
            <li
              key={m.id}
              className={`max-w-[85%] rounded-lg px-3 py-2 text-sm ${mine ? "self-end bg-accent text-canvas" : "self-start border border-line bg-panel-raised"}`}
            >
              <p className="break-words whitespace-pre-wrap">{m.body}</p>
              <p className={`mt-1 text-xs ${mine ? "opacity-80" : "text-ink-muted"}`}>
                {m.senderName ?? (m.direction === "patient" ? "Patient" : "Care team")} · <UtcTime iso={m.createdAt} />
              </p>
            </li>
          );
        })}
      </ol>
      <form onSubmit={onSubmit} className="flex flex-col gap-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          {side === "patient" ? "Write to your care team" : "Write to the patient"}
        </label>
        <textarea
          id={inputId}
          name="body"
          rows={3}
          maxLength={2000}
          required
          className="block w-full rounded border border-line-strong bg-canvas px-3 py-2 text-base"
        />
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={pending}>
            Send
          </Button>
          {error && <FormMessage>{error}</FormMessage>}
        </div>
      </form>
    </div>
  );
}
