// A headline number that links to the list behind it ("3 offline" → the offline devices).
import Link from "next/link";

export function StatLink({ label, value, href, tone = "" }: { label: string; value: string | number; href: string; tone?: string }) {
  return (
    <Link href={href} className="rounded-lg border border-line bg-panel px-4 py-2 hover:border-line-strong">
      <span className={`block text-2xl font-semibold tabular ${tone}`}>{value}</span>
      <span className="text-xs text-ink-muted">{label}</span>
    </Link>
  );
}
