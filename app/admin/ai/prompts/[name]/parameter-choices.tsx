"use client";
// The data parameters a version may read: each one the prompt's feature is allowed, enabled or not,
// with its bounds (blank: the code's default) inside the limits the code fixes.
import { Field, Hint } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ParameterInfo } from "@/lib/ai/service-types";
import type { DraftParameter } from "./editor-model";

type Props = {
  available: ParameterInfo[];
  parameters: DraftParameter[];
  errors: Record<string, string>;
  onChange: (next: DraftParameter[]) => void;
};

export function ParameterChoices({ available, parameters, errors, onChange }: Props) {
  const info = new Map(available.map((p) => [p.name, p]));
  const set = (name: string, p: Partial<DraftParameter>) => onChange(parameters.map((x) => (x.name === name ? { ...x, ...p } : x)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Data parameters</legend>
      <Hint>The model reaches patient data only through these fixed, reviewed queries; each value is de-identified before it leaves.</Hint>
      {parameters.length === 0 && <Hint>This prompt&apos;s feature may use no data parameters.</Hint>}
      <ul className="space-y-2">
        {parameters.map((p) => {
          const meta = info.get(p.name);
          const error = errors[`parameter:${p.name}`];
          return (
            <li key={p.name} className="rounded border border-line px-3 py-2" data-parameter={p.name}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={p.enabled} onChange={(e) => set(p.name, { enabled: e.target.checked })} />
                <span className="font-mono">{p.name}</span>
                <span className="text-xs text-ink-muted">{meta ? meta.description : "not allowed for this prompt"}</span>
              </label>
              {p.enabled && meta && Object.keys(meta.bounds).length > 0 && (
                <div className="mt-2 flex flex-wrap gap-3 pl-6">
                  {Object.entries(meta.bounds).map(([key, b]) => (
                    <Field
                      key={key}
                      id={`bound-${p.name}-${key}`}
                      label={<span className="text-xs text-ink-muted">{`${key} (${b.min}–${b.max} ${b.unit})`}</span>}
                    >
                      <Input
                        id={`bound-${p.name}-${key}`}
                        inputMode="numeric"
                        value={p.bounds[key] ?? ""}
                        placeholder={`default ${b.default}`}
                        onChange={(e) => set(p.name, { bounds: { ...p.bounds, [key]: e.target.value } })}
                        look="filter"
                        width="w-32"
                        className="mt-1"
                        title={b.description}
                      />
                    </Field>
                  ))}
                </div>
              )}
              {error && (
                <p role="alert" className="mt-1 pl-6 text-xs text-alarm-high">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
