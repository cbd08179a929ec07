"use client";
// Admit a patient: MRN (an existing patient is admitted as is), name, birth date, sex and a free bed.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import type { SelectOption } from "@/components/ui/select";
import { SelectField, TextField } from "@/components/ui/text-field";
import { refusalText } from "@/lib/actions/refusal-text";
import { admitAction } from "./actions";

const SEXES = [
  { value: "F", label: "Female" },
  { value: "M", label: "Male" },
  { value: "O", label: "Other" },
  { value: "U", label: "Unknown" },
];

export function AdmitForm({ freeBeds }: { freeBeds: SelectOption[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setError(null);
    setDone(null);
    startTransition(async () => {
      const res = await admitAction(data);
      if (!res.ok) {
        setError(refusalText(res));
        return;
      }
      setDone(`Admitted to ${res.data.bed?.wardCode} / bed ${res.data.bed?.label}${res.data.existing ? " (existing patient)" : ""}.`);
      form.reset();
      router.refresh();
    });
  }

  return (
    <Panel headingId="admit-heading" title="Admit a patient">
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-3">
        <TextField id="admit-mrn" label="MRN" name="mrn" required autoComplete="off" />
        <TextField id="admit-given" label="Given name" name="givenName" autoComplete="off" />
        <TextField id="admit-family" label="Family name" name="familyName" autoComplete="off" />
        <TextField id="admit-birth" label="Birth date" name="birthDate" type="date" />
        <SelectField id="admit-sex" label="Sex" name="sex" options={SEXES} defaultValue="U" />
        <SelectField
          id="admit-bed"
          label="Bed"
          name="bedId"
          options={freeBeds}
          placeholder={freeBeds.length ? "Choose a free bed…" : "No free bed"}
          required
        />
        <div className="sm:col-span-3 flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Admitting…" : "Admit"}
          </Button>
          {error && <FormMessage>{error}</FormMessage>}
          {done && <FormMessage ok>{done}</FormMessage>}
        </div>
      </form>
    </Panel>
  );
}
