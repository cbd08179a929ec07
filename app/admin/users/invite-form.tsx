"use client";
// Invite a person: email, name, role and wards; the one-time link is shown once.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import type { SelectOption } from "@/components/ui/select";
import { SelectField, TextField } from "@/components/ui/text-field";
import { refusalText } from "@/lib/actions/refusal-text";
import { inviteUserAction } from "./actions";

const ROLE_OPTIONS = ["nurse", "physician", "admin", "biomed"].map((r) => ({ value: r, label: r }));

export function InviteForm({ wards }: { wards: SelectOption[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setError(null);
    setLink(null);
    startTransition(async () => {
      const res = await inviteUserAction({
        email: data.get("email"),
        name: data.get("name"),
        role: data.get("role"),
        wards: data.getAll("wards"),
      });
      if (!res.ok) return setError(refusalText(res));
      setLink(res.data.path ? new URL(res.data.path, window.location.origin).toString() : null);
      form.reset();
      router.refresh();
    });
  }
  return (
    <Panel headingId="invite-heading" title="Invite a person">
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-4">
        <TextField id="inv-email" label="Email" name="email" type="email" required />
        <TextField id="inv-name" label="Name" name="name" />
        <SelectField id="inv-role" label="Role" name="role" options={ROLE_OPTIONS} defaultValue="nurse" />
        <Field id="inv-wards" label="Wards">
          <select
            id="inv-wards"
            name="wards"
            multiple
            className="block w-full rounded border border-line-strong bg-canvas px-2 py-1 text-sm"
          >
            {wards.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-center gap-3 sm:col-span-4">
          <Button type="submit" variant="primary" disabled={pending}>
            Invite
          </Button>
          {error && <FormMessage>{error}</FormMessage>}
          {link && (
            <FormMessage ok>
              One-time link (shown once; it sets the password): <code className="break-all">{link}</code>
            </FormMessage>
          )}
        </div>
      </form>
    </Panel>
  );
}
