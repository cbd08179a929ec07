"use client";
// The flow and frame the spend page's two forms (a price row, a budget) share: check the form locally
// (naming each field that is not right), send it, show the server's field errors or the confirmation,
// then refresh the spend figures and the page; and their USD amount inputs.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { queryKeys } from "@/components/data/query-keys";
import { FormMessage } from "@/components/ui/field";
import type { FieldBinding } from "@/components/ui/field-binding";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions/safe-action";

type Parsed<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> };

export function useSpendForm<F, I, D>(opts: {
  initial: F;
  parse: (form: F) => Parsed<I>;
  send: (input: I) => Promise<ActionResult<D>>;
  /** The confirmation shown once saved. */
  saved: (data: D) => string;
  /** Once saved, the form starts again from `initial`. */
  resetOnSave?: boolean;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<F>(opts.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const patch = (p: Partial<F>) => setForm((f) => ({ ...f, ...p }));

  const save = () => {
    const parsed = opts.parse(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return setMessage({ ok: false, text: "Not saved: correct the fields marked." });
    }
    startTransition(async () => {
      const res = await opts.send(parsed.input);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        return setMessage({ ok: false, text: res.error });
      }
      setErrors({});
      if (opts.resetOnSave) setForm(opts.initial);
      setMessage({ ok: true, text: opts.saved(res.data) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.aiSpend });
      router.refresh();
    });
  };
  return { form, setForm, patch, errors, message, pending, save };
}

/** The form's panel: its fields and button in a wrapping row, then the outcome of the last save on a line of its own. */
export function SpendForm({
  label,
  onSave,
  message,
  children,
}: {
  label: string;
  onSave: () => void;
  message: { ok: boolean; text: string } | null;
  children: ReactNode;
}) {
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-panel p-4"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {children}
      {message && (
        <FormMessage ok={message.ok} className="basis-full">
          {message.text}
        </FormMessage>
      )}
    </form>
  );
}

/** USD amount inputs (a budget's soft and hard limits, a price's rates): `key` and `error` name the form field and its error. */
export function AmountFields<K extends string>({
  fields,
  width,
  field,
}: {
  fields: readonly { id: string; label: string; key: K; error: string }[];
  width: string;
  field: (key: K, errorKey: string) => FieldBinding;
}) {
  return fields.map((a) => (
    <TextField
      key={a.id}
      id={a.id}
      label={a.label}
      {...field(a.key, a.error)}
      inputMode="decimal"
      look="filter"
      width={width}
      className="mt-1"
    />
  ));
}
