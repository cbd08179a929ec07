"use client";
// The user's open sessions (when, from where) and "sign out everywhere else".
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { UtcTime } from "@/components/ui/time";
import type { SessionSummary } from "@/lib/auth/user-sessions";
import { endOtherSessionsAction } from "./actions";

export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const others = sessions.filter((s) => !s.current).length;

  const endOthers = () =>
    startTransition(async () => {
      const res = await endOtherSessionsAction({});
      setMessage(res.ok ? { ok: true, text: `Signed out ${res.data.ended} other session(s).` } : { ok: false, text: res.error });
      if (res.ok) router.refresh();
    });

  return (
    <div className="mt-2 space-y-3 text-sm">
      <ul className="divide-y divide-line rounded border border-line">
        {sessions.map((s) => (
          <li key={s.createdAt + (s.ip ?? "")} className="px-3 py-2">
            <span className="font-medium">{s.current ? "This browser" : (s.userAgent?.slice(0, 80) ?? "Unknown browser")}</span>
            <span className="text-ink-muted">
              {" "}
              · {s.ip ?? "unknown address"} · signed in <UtcTime iso={s.createdAt} zone /> · last active <UtcTime iso={s.lastSeenAt} zone />
            </span>
          </li>
        ))}
      </ul>
      <Button variant="danger" disabled={pending || others === 0} onClick={endOthers}>
        Sign out everywhere else{others ? ` (${others})` : ""}
      </Button>
      {message && <FormMessage ok={message.ok}>{message.text}</FormMessage>}
    </div>
  );
}
