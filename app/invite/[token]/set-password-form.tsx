"use client";
import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { acceptInviteAction } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setError(null);
    startTransition(async () => {
      const res = await acceptInviteAction({ token, password });
      if (res.ok) setDone(res.email);
      else setError(res.error);
    });
  }
  if (done)
    return (
      <FormMessage ok className="mt-6">
        Password set for {done}. <Link href="/login">Sign in</Link>.
      </FormMessage>
    );
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <Field id="invite-password" label="New password (at least 10 characters)">
        <Input id="invite-password" name="password" type="password" look="large" autoComplete="new-password" required />
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        Set password
      </Button>
      {error && <FormMessage>{error}</FormMessage>}
    </form>
  );
}
