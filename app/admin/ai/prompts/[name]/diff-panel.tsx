"use client";
// The word-level diff between any two versions of the prompt (computed here from the versions the page
// loaded, lib/ai/prompts/diff), with a shortcut to compare against production.
import { useMemo, useState } from "react";
import { DiffView } from "@/components/ai/diff-view";
import { Button } from "@/components/ui/button";
import { InlineField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { diffPromptVersions } from "@/lib/ai/prompts/diff";
import type { PromptDetail, PromptVersionView } from "@/lib/ai/service-types";

function versionLabel(v: PromptVersionView): string {
  return v.labels.length ? `v${v.version} (${v.labels.join(", ")})` : `v${v.version}`;
}

export function DiffPanel({ prompt, initial }: { prompt: PromptDetail; initial: { from: number; to: number } }) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const byNumber = useMemo(() => new Map(prompt.versions.map((v) => [v.version, v])), [prompt.versions]);
  const a = byNumber.get(from);
  const b = byNumber.get(to);
  const diff = useMemo(() => (a && b ? diffPromptVersions(a, b) : null), [a, b]);
  const options = [...prompt.versions]
    .sort((x, y) => y.version - x.version)
    .map((v) => ({ value: String(v.version), label: versionLabel(v) }));
  const production = prompt.labels.production;
  return (
    <div className="mt-2 space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <InlineField label="From">
          <Select
            look="toolbar"
            aria-label="Compare from"
            value={String(from)}
            options={options}
            onChange={(e) => setFrom(Number(e.target.value))}
          />
        </InlineField>
        <InlineField label="To">
          <Select
            look="toolbar"
            aria-label="Compare to"
            value={String(to)}
            options={options}
            onChange={(e) => setTo(Number(e.target.value))}
          />
        </InlineField>
        {production !== null && (
          <Button variant="small" onClick={() => setFrom(production)} disabled={from === production}>
            Against production (v{production})
          </Button>
        )}
      </div>
      {a && b && diff ? (
        <DiffView diff={diff} fromLabel={versionLabel(a)} toLabel={versionLabel(b)} />
      ) : (
        <p className="text-sm text-ink-muted">Choose two versions.</p>
      )}
    </div>
  );
}
