// Sub-navigation between the device registry and firmware pages.
import Link from "next/link";

const TABS = [
  { href: "/admin/devices", label: "Registry" },
  { href: "/admin/firmware", label: "Firmware & patch status" },
] as const;

export function DeviceSectionTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Devices" className="mt-4 flex gap-1 border-b border-line">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={`-mb-px rounded-t border px-4 py-2 text-sm ${t.href === current ? "border-line border-b-canvas bg-canvas text-ink" : "border-transparent text-ink-muted hover:text-ink"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
