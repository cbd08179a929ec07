"use client";
// What an environment sensor watches (its profile: range and logger interval), for the provision form
// and the row's profile dialog. Empty means none: no excursion detection.
import { describeProfile, ENVIRONMENT_PROFILE_KEYS } from "@/lib/domain/environment-profiles";
import { inputClass } from "./secret-reveal";

export function ProfileSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Watches
      </label>
      <select id={id} name="environmentProfile" value={value} onChange={(e) => onChange(e.target.value)} className={`mt-1 ${inputClass}`}>
        <option value="">Nothing (no excursion alarms)</option>
        {ENVIRONMENT_PROFILE_KEYS.map((k) => (
          <option key={k} value={k}>
            {describeProfile(k)}
          </option>
        ))}
      </select>
    </div>
  );
}
