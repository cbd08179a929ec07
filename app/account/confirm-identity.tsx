"use client";
// Password (and code) confirmation: refreshes the session's proof of identity.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { confirmIdentityAction } from "./actions";

export function ConfirmIdentity({ totp }: { totp: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const res = await confirmIdentityAction({
        password: String(data.get("password") ?? ""),
        totp: totp ? String(data.get("totp") ?? "") : undefined,
      });
      setMessage(
        res.ok ? { ok: true, text: "Confirmed. You can make changes now." } : { ok: false, text: res.fieldErrors?.password ?? res.error },
      );
      if (res.ok) {
        form.reset();
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
      <Field id="confirm-password" label="Password" className="min-w-56 flex-1">
        <Input
          id="confirm-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          look="large"
          className="mt-1"
        />
      </Field>
      {totp && (
        <Field id="confirm-totp" label="Code from your authenticator app" className="w-48">
          <Input id="confirm-totp" name="totp" inputMode="numeric" autoComplete="one-time-code" required look="large" className="mt-1" />
        </Field>
      )}
      <Button type="submit" variant="primary" disabled={pending} className="py-2">
        {pending ? "Checking…" : "Confirm"}
      </Button>
      {message && (
        <FormMessage id="confirm-message" className="w-full" ok={message.ok}>
          {message.text}
        </FormMessage>
      )}
    </form>
  );
}
