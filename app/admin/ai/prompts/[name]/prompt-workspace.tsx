"use client";
// The prompt page's interactive part: versions (with their actions), the diff, the editor and the
// preview share which version is being looked at. After a save or a label move the server page is
// re-read (router.refresh) and the diff re-opens on production against the newest; the editor, keyed on
// the newest version number, then starts afresh, so a save's confirmation is kept here, not in the editor.
import type { ParameterInfo, PromptDetail } from "@/lib/ai/service-types";
import { useState } from "react";
import { DiffPanel } from "./diff-panel";
import { defaultDiffPair } from "./editor-model";
import { PatientFacingToggle } from "./patient-facing-toggle";
import { PreviewPanel } from "./preview-panel";
import { PromptEditor } from "./prompt-editor";
import { VersionTable } from "./version-table";

export function PromptWorkspace({ prompt, available, meId }: { prompt: PromptDetail; available: ParameterInfo[]; meId: string }) {
  const newest = prompt.labels.latest ?? prompt.versions.at(0)?.version ?? null;
  const [base, setBase] = useState<number | null>(prompt.labels.production ?? newest);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const baseVersion = prompt.versions.find((v) => v.version === base) ?? null;
  const pair = defaultDiffPair(prompt);
  return (
    <div className="mt-6 space-y-8">
      <section aria-labelledby="versions-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="versions-heading" className="text-lg font-semibold">
            Versions
          </h2>
          <PatientFacingToggle name={prompt.name} enabled={prompt.patientFacing} />
        </div>
        <VersionTable
          prompt={prompt}
          meId={meId}
          onEdit={(version) => {
            setBase(version);
            setSavedVersion(null);
          }}
        />
      </section>

      {pair && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading" className="text-lg font-semibold">
            Compare versions
          </h2>
          <DiffPanel key={`${pair.from}-${pair.to}`} prompt={prompt} initial={pair} />
        </section>
      )}

      <section aria-labelledby="editor-heading" className="rounded-lg border border-line bg-panel p-4">
        <h2 id="editor-heading" className="text-lg font-semibold">
          New version
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Starts from {baseVersion ? `version ${baseVersion.version}` : "an empty prompt"}. Saving creates version {(newest ?? 0) + 1}; it
          needs another admin&apos;s approval before production.
        </p>
        <PromptEditor
          key={`${base}-${newest}`}
          name={prompt.name}
          base={baseVersion}
          available={available}
          savedVersion={savedVersion}
          onSaved={setSavedVersion}
        />
      </section>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview what would leave
        </h2>
        <PreviewPanel prompt={prompt} />
      </section>
    </div>
  );
}
