// Sub-navigation of the AI admin section: prompts, parameters, the call log, spend.
import Link from "next/link";

const TABS = [
  { href: "/admin/ai/prompts", label: "Prompts" },
  { href: "/admin/ai/parameters", label: "Parameters" },
  { href: "/admin/ai/calls", label: "Call log" },
  { href: "/admin/ai/spend", label: "Spend & budgets" },
] as const;

export type AiSection = (typeof TABS)[number]["href"];

export function AiSectionTabs({ current }: { current: AiSection }) {
  return (
    <nav aria-label="AI administration" className="mt-4 flex gap-1 border-b border-line">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          prefetch={false}
          aria-current={t.href === current ? "page" : undefined}
          className={`-mb-px rounded-t border px-4 py-2 text-sm ${t.href === current ? "border-line border-b-canvas bg-canvas text-ink" : "border-transparent text-ink-muted hover:text-ink"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
