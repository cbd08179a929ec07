// The legal-retention rule of an erasure request, in words (lib/data-rights/retention-rule): what goes at
// once, what is kept, until when and why. Shown to the admin who completes a request and to the patient.
import { ERASED_AT_ONCE, KEPT } from "@/lib/data-rights/retention-rule";

export function RetentionRuleText({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-3 text-sm">
      <div>
        <H className="font-semibold">Erased when a request is completed</H>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {ERASED_AT_ONCE.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div>
        <H className="font-semibold">Kept, because the law requires it</H>
        <ul className="mt-1 space-y-2">
          {KEPT.map((k) => (
            <li key={k.what} className="rounded border border-line p-2">
              <div className="font-medium">{k.what}</div>
              <div>
                <span className="text-ink-muted">Until: </span>
                {k.until}
              </div>
              <div>
                <span className="text-ink-muted">Why: </span>
                {k.why}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
