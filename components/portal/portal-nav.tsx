// The patient portal's own navigation (mobile first: a wrapping row of large tap targets under the app bar):
// overview, the program pages, devices, and the messages and privacy pages.
import Link from "next/link";

export const PORTAL_LINKS = [
  { href: "/portal", label: "Overview" },
  { href: "/portal/glucose", label: "Glucose" },
  { href: "/portal/blood-pressure", label: "Blood pressure" },
  { href: "/portal/asthma", label: "Asthma" },
  { href: "/portal/devices", label: "Devices" },
  { href: "/portal/messages", label: "Messages" },
  { href: "/portal/privacy", label: "Privacy" },
] as const;

export function PortalNav({ current }: { current: string }) {
  return (
    <nav aria-label="Portal" className="border-b border-line bg-panel">
      <ul className="mx-auto flex max-w-3xl flex-wrap gap-1 px-3 py-2">
        {PORTAL_LINKS.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              prefetch={false}
              aria-current={current === l.href ? "page" : undefined}
              className={`inline-block min-h-11 rounded px-3 py-2.5 text-sm ${current === l.href ? "bg-panel-raised font-semibold text-ink" : "text-ink-muted hover:bg-panel-raised hover:text-ink"}`}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
