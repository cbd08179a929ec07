"use client";
// The versions of a prompt, newest first: labels, commit message, author, approval, and the actions
// each allows (approve: never by its author; promote or roll back: approved versions only; staging).
// A disabled action says why beside it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormMessage } from "@/components/ui/field";
import { UtcTime } from "@/components/ui/time";
import type { MovableLabel, PromptDetail, PromptLabel, PromptVersionView } from "@/lib/ai/service-types";
import { approveVersionAction, moveLabelAction } from "./actions";
import { versionActions, type ActionState } from "./editor-model";

const LABEL_TONE: Record<PromptLabel, BadgeTone> = { production: "outline-accent", staging: "outline-medium", latest: "muted" };
const COLUMNS = ["Version", "Labels", "Commit message", "Author", "Approved", { label: "Actions", className: "text-right" }];

type Props = { prompt: PromptDetail; meId: string; onEdit: (version: number) => void };

export function VersionTable({ prompt, meId, onEdit }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const versions = [...prompt.versions].sort((a, b) => b.version - a.version);

  const approve = (v: number) =>
    startTransition(async () => {
      const res = await approveVersionAction({ name: prompt.name, version: v });
      setMessage(res.ok ? { ok: true, text: `Version ${v} approved.` } : { ok: false, text: res.error });
      if (res.ok) router.refresh();
    });
  const move = (label: MovableLabel, v: number) =>
    startTransition(async () => {
      const res = await moveLabelAction({ name: prompt.name, label, version: v });
      if (!res.ok) return setMessage({ ok: false, text: res.error });
      const from = res.data.from === null ? "nothing" : `v${res.data.from}`;
      setMessage({ ok: true, text: `${label} moved from ${from} to v${res.data.to}.` });
      router.refresh();
    });

  return (
    <>
      {message && (
        <FormMessage ok={message.ok} className="mt-3">
          {message.text}
        </FormMessage>
      )}
      <DataTable<PromptVersionView>
        columns={COLUMNS}
        rows={versions}
        caption={`Versions of ${prompt.name}`}
        row={(v) => {
          const a = versionActions(v, prompt, meId);
          return (
            <tr key={v.version} className="border-t border-line align-top" data-testid="version-row" data-version={v.version}>
              <td className="px-3 py-2 font-mono font-semibold">v{v.version}</td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">
                  {v.labels.map((l) => (
                    <Badge key={l} tone={LABEL_TONE[l]}>
                      {l}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className="max-w-md px-3 py-2">
                {v.commitMessage}
                <div className="text-xs text-ink-muted">
                  {v.model} · max {v.params.maxTokens} tokens
                  {v.params.temperature !== undefined ? ` · temperature ${v.params.temperature}` : ""}
                </div>
              </td>
              <td className="px-3 py-2">
                {v.author.name}
                <div className="text-xs text-ink-muted">
                  <UtcTime iso={v.createdAt} />
                </div>
              </td>
              <td className="px-3 py-2" data-testid="approval">
                {v.approvedBy ? (
                  <>
                    {v.approvedBy.name}
                    {v.approvedAt && (
                      <div className="text-xs text-ink-muted">
                        <UtcTime iso={v.approvedAt} />
                      </div>
                    )}
                  </>
                ) : (
                  <span className="text-alarm-medium">awaiting approval</span>
                )}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap justify-end gap-1.5">
                  {a.approve && <ActionButton state={a.approve} pending={pending} onClick={() => approve(v.version)} />}
                  <ActionButton state={a.production} pending={pending} onClick={() => move("production", v.version)} />
                  <ActionButton state={a.staging} pending={pending} onClick={() => move("staging", v.version)} />
                  <Button variant="small" onClick={() => onEdit(v.version)}>
                    Edit from this
                  </Button>
                </div>
                <Reasons states={[a.approve, a.production]} />
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}

function ActionButton({ state, pending, onClick }: { state: ActionState; pending: boolean; onClick: () => void }) {
  return (
    <Button variant="small" disabled={!state.allowed || pending} title={state.reason ?? undefined} onClick={onClick}>
      {state.label}
    </Button>
  );
}

/** The reasons of disabled actions, in words (a tooltip alone is not enough). */
function Reasons({ states }: { states: (ActionState | null)[] }) {
  const reasons = states.filter((s): s is ActionState => s !== null && !s.allowed && s.reason !== null).map((s) => s.reason);
  if (reasons.length === 0) return null;
  return (
    <ul className="mt-1 text-right text-xs text-ink-muted">
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}
