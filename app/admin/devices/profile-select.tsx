"use client";
// What an environment sensor watches (its profile: range and logger interval), for the provision form
// and the row's profile dialog. Empty means none: no excursion detection.
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { describeProfile, ENVIRONMENT_PROFILE_KEYS } from "@/lib/domain/environment-profiles";

const OPTIONS = ENVIRONMENT_PROFILE_KEYS.map((k) => ({ value: k, label: describeProfile(k) }));

export function ProfileSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field id={id} label="Watches">
      <Select
        id={id}
        name="environmentProfile"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={OPTIONS}
        placeholder="Nothing (no excursion alarms)"
        className="mt-1"
      />
    </Field>
  );
}
