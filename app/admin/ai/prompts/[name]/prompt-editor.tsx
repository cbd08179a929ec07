"use client";
// The editor of a new prompt version: messages (role and text with {{variable}} and
// {{param.<parameter>}} placeholders), declared typed variables, the model and its settings, the data
// parameters it may read with their bounds, and a commit message. Saving shows the vault's refusals on
// the fields they name (each unknown variable, each parameter not allow-listed, each bound out of range).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Hint } from "@/components/ui/field";
import { bindFields } from "@/components/ui/field-binding";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SelectField, TextareaField, TextField } from "@/components/ui/text-field";
import { RESPONSE_FORMATS, VARIABLE_TYPES, type PromptRole, type VariableType } from "@/lib/ai/prompts/prompt-vocabulary";
import type { ParameterInfo, PromptVersionView } from "@/lib/ai/service-types";
import { saveVersionAction } from "./actions";
import { draftFromVersion, draftToInput, issuesByField, ROLES, type EditorDraft } from "./editor-model";
import { ParameterChoices } from "./parameter-choices";

type Props = {
  name: string;
  base: PromptVersionView | null;
  available: ParameterInfo[];
  /** The version this page last saved: its confirmation outlives the editor, which the page re-keys once the save is read back. */
  savedVersion: number | null;
  onSaved: (version: number) => void;
};

const roleOptions = ROLES.map((r) => ({ value: r, label: r }));
const typeOptions = VARIABLE_TYPES.map((t) => ({ value: t, label: t }));
const formatOptions = RESPONSE_FORMATS.map((f) => ({ value: f, label: f }));
/** The numeric model settings; each one's id is its draft key and the key of its error. */
const SETTINGS = [
  { id: "temperature", label: "Temperature (0–2)", inputMode: "decimal", placeholder: "model default" },
  { id: "maxTokens", label: "Max output tokens", inputMode: "numeric", placeholder: undefined },
] as const;

export function PromptEditor({ name, base, available, savedVersion, onSaved }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<EditorDraft>(() => draftFromVersion(base, available));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; issues?: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const patch = (p: Partial<EditorDraft>) => setDraft((d) => ({ ...d, ...p }));
  const setMessage = (i: number, p: Partial<EditorDraft["messages"][number]>) =>
    patch({ messages: draft.messages.map((m, j) => (j === i ? { ...m, ...p } : m)) });
  const field = bindFields(draft, patch, errors);
  const setVariable = (i: number, p: Partial<EditorDraft["variables"][number]>) =>
    patch({ variables: draft.variables.map((v, j) => (j === i ? { ...v, ...p } : v)) });

  const save = () => {
    const { input, errors: local } = draftToInput(draft);
    if (Object.keys(local).length) {
      setErrors(local);
      setOutcome({ ok: false, text: "Not saved: correct the fields marked below." });
      return;
    }
    startTransition(async () => {
      const res = await saveVersionAction({ name, input });
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        return setOutcome({ ok: false, text: res.error });
      }
      if (!res.data.saved) {
        setErrors(issuesByField(res.data.issues, input));
        return setOutcome({ ok: false, text: res.data.message, issues: res.data.issues.map((i) => `${i.field}: ${i.reason}`) });
      }
      setErrors({});
      setOutcome(null);
      onSaved(res.data.version);
      router.refresh();
    });
  };

  return (
    <form
      className="mt-4 space-y-5"
      aria-label="New prompt version"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Messages</legend>
        <Hint>
          <code className="font-mono">{"{{name}}"}</code> inserts a declared variable;{" "}
          <code className="font-mono">{"{{param.patient.vitals_window}}"}</code> inserts an enabled data parameter, de-identified.
        </Hint>
        {draft.messages.map((m, i) => (
          <div key={i} className="rounded border border-line p-3" data-testid="message-editor">
            <div className="flex items-center gap-3">
              <Select
                aria-label={`Message ${i + 1} role`}
                look="toolbar"
                value={m.role}
                options={roleOptions}
                onChange={(e) => setMessage(i, { role: e.target.value as PromptRole })}
              />
              <Button variant="quiet" size="xs" onClick={() => patch({ messages: draft.messages.filter((_, j) => j !== i) })}>
                Remove
              </Button>
            </div>
            <TextareaField
              id={`message-${i}`}
              label={<span className="sr-only">Message {i + 1} text</span>}
              error={errors[`messages[${i}].content`] ?? errors[`messages[${i}].role`]}
              rows={m.role === "system" ? 8 : 5}
              value={m.content}
              onValueChange={(content) => setMessage(i, { content })}
              className="mt-2 font-mono"
              aria-invalid={errors[`messages[${i}].content`] ? true : undefined}
            />
          </div>
        ))}
        {errors.messages && <FormMessage size="xs">{errors.messages}</FormMessage>}
        <Button variant="small" onClick={() => patch({ messages: [...draft.messages, { role: "user", content: "" }] })}>
          Add message
        </Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Variables</legend>
        {draft.variables.length === 0 && <Hint>No variables declared.</Hint>}
        {draft.variables.map((v, i) => (
          <div key={i} className="flex flex-wrap items-start gap-2">
            <TextField
              id={`variable-${i}-name`}
              label={<span className="sr-only">Variable {i + 1} name</span>}
              error={errors[`variables[${i}].name`]}
              placeholder="name"
              value={v.name}
              onValueChange={(name) => setVariable(i, { name })}
              look="filter"
              className="font-mono"
            />
            <Select
              aria-label={`Variable ${i + 1} type`}
              look="filter"
              value={v.type}
              options={typeOptions}
              onChange={(e) => setVariable(i, { type: e.target.value as VariableType })}
            />
            <Input
              aria-label={`Variable ${i + 1} description`}
              placeholder="what it holds"
              value={v.description}
              onChange={(e) => setVariable(i, { description: e.target.value })}
              look="filter"
              width="w-80"
            />
            <Button variant="quiet" size="xs" onClick={() => patch({ variables: draft.variables.filter((_, j) => j !== i) })}>
              Remove
            </Button>
          </div>
        ))}
        <Button variant="small" onClick={() => patch({ variables: [...draft.variables, { name: "", type: "string", description: "" }] })}>
          Add variable
        </Button>
      </fieldset>

      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-2 text-sm font-semibold">Model and settings</legend>
        <TextField id="model" label="Model" {...field("model")} look="filter" width="w-56" className="mt-1 font-mono" />
        {SETTINGS.map((f) => (
          <TextField
            key={f.id}
            id={f.id}
            label={f.label}
            {...field(f.id)}
            inputMode={f.inputMode}
            placeholder={f.placeholder}
            look="filter"
            width="w-32"
            className="mt-1"
          />
        ))}
        <SelectField
          id="responseFormat"
          label="Response format"
          error={errors.responseFormat}
          value={draft.responseFormat}
          placeholder="text (default)"
          options={formatOptions}
          onValueChange={(f) => patch({ responseFormat: f as EditorDraft["responseFormat"] })}
          look="filter"
          className="mt-1"
        />
      </fieldset>

      <ParameterChoices
        available={available}
        parameters={draft.parameters}
        errors={errors}
        onChange={(parameters) => patch({ parameters })}
      />

      <TextField
        id="commitMessage"
        label="Commit message"
        {...field("commitMessage")}
        placeholder="What changed and why"
        maxLength={500}
        className="mt-1"
      />

      <div className="space-y-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save new version"}
        </Button>
        {outcome ? (
          <FormMessage ok={outcome.ok}>{outcome.text}</FormMessage>
        ) : (
          savedVersion !== null && (
            <FormMessage ok>Saved version {savedVersion}. Another admin must approve it before it can go to production.</FormMessage>
          )
        )}
        {outcome?.issues && outcome.issues.length > 0 && (
          <ul className="list-disc pl-5 text-xs text-alarm-high" data-testid="save-issues">
            {outcome.issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
