// A word-level diff between two prompt versions (lib/ai/prompts/diff): each message with its role,
// words removed struck through in red and words added underlined in green, then the settings that
// changed (model, temperature, max tokens, response format, each parameter's bounds, each variable).
// Presentational: the diff is computed by the caller.
import type { MessageDiff, VersionDiff } from "@/lib/ai/prompts/diff";

const ADDED = "rounded-sm bg-ok/15 text-ok underline decoration-ok/60";
const REMOVED = "rounded-sm bg-alarm-high/15 text-alarm-high line-through";

const STATUS_LABEL: Record<MessageDiff["status"], string> = {
  unchanged: "unchanged",
  changed: "changed",
  added: "added",
  removed: "removed",
};

function roleLabel(m: MessageDiff): string {
  if (m.from && m.to && m.from !== m.to) return `${m.from} → ${m.to}`;
  return m.to ?? m.from ?? "";
}

export function DiffView({ diff, fromLabel, toLabel }: { diff: VersionDiff; fromLabel: string; toLabel: string }) {
  const changed = diff.messages.some((m) => m.status !== "unchanged") || diff.settings.length > 0;
  return (
    <div data-testid="prompt-diff" className="space-y-3">
      <p className="text-xs text-ink-muted">
        From <span className="font-semibold text-ink">{fromLabel}</span> to <span className="font-semibold text-ink">{toLabel}</span>:{" "}
        <del className={REMOVED}>removed</del> <ins className={ADDED}>added</ins>
        {!changed && " — no differences."}
      </p>
      {diff.messages.map((m) => (
        <section key={m.index} className="rounded border border-line bg-canvas" data-status={m.status}>
          <header className="flex items-center justify-between border-b border-line px-3 py-1 text-xs text-ink-muted">
            <span className="font-mono">
              [{m.index}] {roleLabel(m)}
            </span>
            <span>{STATUS_LABEL[m.status]}</span>
          </header>
          <pre className="px-3 py-2 font-mono text-sm break-words whitespace-pre-wrap">
            {m.parts.map((p, i) =>
              p.added ? (
                <ins key={i} className={ADDED}>
                  {p.value}
                </ins>
              ) : p.removed ? (
                <del key={i} className={REMOVED}>
                  {p.value}
                </del>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
          </pre>
        </section>
      ))}
      {diff.settings.length > 0 && (
        <table className="w-full text-left text-sm" aria-label="Settings changed">
          <thead className="text-xs text-ink-muted">
            <tr>
              <th className="py-1 pr-3 font-medium">Setting</th>
              <th className="py-1 pr-3 font-medium">{fromLabel}</th>
              <th className="py-1 font-medium">{toLabel}</th>
            </tr>
          </thead>
          <tbody>
            {diff.settings.map((s) => (
              <tr key={s.field} className="border-t border-line">
                <td className="py-1 pr-3 font-mono">{s.field}</td>
                <td className="py-1 pr-3 font-mono">{s.from === null ? "—" : <del className={REMOVED}>{s.from}</del>}</td>
                <td className="py-1 font-mono">{s.to === null ? "—" : <ins className={ADDED}>{s.to}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
