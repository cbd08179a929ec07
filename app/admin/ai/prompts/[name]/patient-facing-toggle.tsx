"use client";
// Whether patients may see this prompt's output (off by default; an admin's explicit choice, audited).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/field";
import { setPatientFacingAction } from "./actions";

export function PatientFacingToggle({ name, enabled }: { name: string; enabled: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = (next: boolean) =>
    startTransition(async () => {
      const res = await setPatientFacingAction({ name, enabled: next });
      setError(res.ok ? null : res.error);
      if (res.ok) router.refresh();
    });
  return (
    <div className="flex items-center gap-3 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={enabled} disabled={pending} onChange={(e) => toggle(e.target.checked)} />
        Patients may see this prompt&apos;s output
      </label>
      {error && <FormMessage size="xs">{error}</FormMessage>}
    </div>
  );
}
