"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
        totp: String(form.get("totp") ?? ""),
        redirect: false,
      });
      if (!res || res.error) {
        const code = res?.error ?? "";
        if (code === "TOTP_REQUIRED" || code === "TOTP_INVALID") setAskCode(true);
        setError(signInMessage(code));
        setPending(false);
        return;
      }
      router.replace(callbackUrl);
    } catch {
      setError("The server could not be reached. Check the connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="login-email" label="Email">
        <Input id="login-email" name="email" type="email" autoComplete="username" required autoFocus look="large" className="mt-1" />
      </Field>
      <Field id="login-password" label="Password">
        <Input id="login-password" name="password" type="password" autoComplete="current-password" required look="large" className="mt-1" />
      </Field>
      {askCode && (
        <Field id="login-totp" label="Code from your authenticator app">
          <Input
            id="login-totp"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            look="large"
            className="mt-1"
          />
        </Field>
      )}
      {error && (
        <p role="alert" className="rounded border border-alarm-high bg-alarm-high-bg px-3 py-2 text-sm text-ink">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="w-full rounded bg-accent px-4 py-2 font-medium text-canvas hover:brightness-110 disabled:opacity-60"
      >
        Sign in
      </button>
    </form>
  );
}

/** What the server's answer means for the person at the form (lockout messages come worded from the server). */
function signInMessage(code: string): string {
  if (code === "TOTP_REQUIRED") return "Enter the 6-digit code from your authenticator app.";
  if (code === "TOTP_INVALID") return "The code is not valid. Enter the current code from your authenticator app.";
  if (code.startsWith("Too many failed sign-ins")) return code;
  return "Email or password is incorrect.";
}
