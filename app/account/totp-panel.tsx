"use client";
// TOTP enrolment for admins: start (shows the otpauth:// URI and the key once, to add to an authenticator
// app), confirm with the first code, or turn off.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TotpStatus } from "@/lib/auth/totp";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "./actions";

export function TotpPanel({ status }: { status: TotpStatus }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<{ uri: string; secret: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      const res = await startTotpAction({});
      if (!res.ok) return setMessage({ ok: false, text: res.error });
      setEnrolment(res.data);
      setMessage(null);
    });
  const turnOff = () =>
    startTransition(async () => {
      const res = await disableTotpAction({});
      setMessage(res.ok ? { ok: true, text: "Two-step sign-in is off." } : { ok: false, text: res.error });
      if (res.ok) router.refresh();
    });
  function confirm(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    startTransition(async () => {
      const res = await confirmTotpAction({ code });
      if (!res.ok) return setMessage({ ok: false, text: res.fieldErrors?.code ?? res.error });
      setEnrolment(null);
      setMessage({ ok: true, text: "Two-step sign-in is on: sign-in now asks for a code." });
      router.refresh();
    });
  }

  return (
    <div className="mt-2 space-y-3 text-sm">
      <p className="text-ink-muted">
        {status === "on"
          ? "On: every sign-in asks for a 6-digit code from your authenticator app."
          : "Off. Add a second step to your sign-in: a 6-digit code from an authenticator app (RFC 6238 TOTP)."}
      </p>
      {!enrolment && (
        <div className="flex gap-2">
          <Button variant={status === "on" ? "secondary" : "primary"} disabled={pending} onClick={start}>
            {status === "on" ? "Set up again" : "Set up"}
          </Button>
          {status === "on" && (
            <Button variant="danger" disabled={pending} onClick={turnOff}>
              Turn off
            </Button>
          )}
        </div>
      )}
      {enrolment && (
        <div className="space-y-3 rounded border border-line p-4">
          <p>
            Add this account to your authenticator app with the link, or type the key. It is shown once.{" "}
            <a href={enrolment.uri} className="text-accent underline">
              Open in authenticator app
            </a>
          </p>
          <Input
            readOnly
            aria-label="otpauth URI"
            value={enrolment.uri}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full font-mono text-xs"
          />
          <p>
            Key: <code className="font-mono">{enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
          <form onSubmit={confirm} className="flex items-end gap-3" noValidate>
            <Field id="totp-code" label="First code from the app" className="w-48">
              <Input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" required look="large" className="mt-1" />
            </Field>
            <Button type="submit" variant="primary" disabled={pending} className="py-2">
              Turn on
            </Button>
          </form>
        </div>
      )}
      {message && <FormMessage ok={message.ok}>{message.text}</FormMessage>}
    </div>
  );
}
