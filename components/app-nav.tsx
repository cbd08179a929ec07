// Top bar of every signed-in page: product name, the links the user's role may use (for clinicians the
// alert queue with its live count and the sound switch; biomed's for equipment alerts), who is signed in.
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { ALERT_ROLES, CLINICAL_ROLES, type Principal, type Role } from "@/lib/auth/principal";
import { ENVIRONMENT_ROLES } from "@/lib/environment/excursion-types";
import { ASSET_ROLES } from "@/lib/asset-tracking/asset-roles";
import { landingPath } from "@/lib/pages/page-principal";
import type { NavAlertsData } from "./alerts/alert-feed";
import { NavAlerts } from "./alerts/nav-alerts";
import { SignOutButton } from "./sign-out-button";

/** `live: "alerts"`: rendered as the alert queue link with its live count. */
type NavLink = { href: string; label: string; live?: "alerts" };

const ROLE_LABEL: Record<Role, string> = {
  admin: "Administrator",
  nurse: "Nurse",
  physician: "Physician",
  patient: "Patient",
  biomed: "Biomedical engineering",
};

export function navLinks(p: Principal): NavLink[] {
  const links: NavLink[] = [];
  if (p.role === "patient" && p.patientId) links.push({ href: "/portal", label: "My health" });
  if (p.role === "patient" && p.patientId) links.push({ href: `/patients/${p.patientId}`, label: "My record" });
  if (p.role === "patient" && p.patientId) links.push({ href: "/portal/messages", label: "Messages" });
  if (p.role === "patient" && p.patientId) links.push({ href: "/portal/privacy", label: "Privacy & data" });
  if (CLINICAL_ROLES.includes(p.role)) links.push({ href: "/wards", label: "Wards" });
  if (CLINICAL_ROLES.includes(p.role)) links.push({ href: "/admissions", label: "Admissions" });
  if (CLINICAL_ROLES.includes(p.role)) links.push({ href: "/flow", label: "Flow" });
  if (CLINICAL_ROLES.includes(p.role)) links.push({ href: "/remote", label: "My remote patients" });
  if (ALERT_ROLES.includes(p.role)) links.push({ href: "/alerts", label: "Alerts", live: "alerts" });
  if (p.role === "admin") links.push({ href: "/admin/audit", label: "Audit log" });
  if (p.role === "admin") links.push({ href: "/admin/users", label: "Staff & duty" });
  if (p.role === "admin" || p.role === "biomed") {
    links.push({ href: "/admin/devices", label: "Devices" }, { href: "/admin/firmware", label: "Firmware" });
  }
  if (ENVIRONMENT_ROLES.includes(p.role)) links.push({ href: "/environment", label: "Environment" });
  if ((ASSET_ROLES as readonly string[]).includes(p.role)) links.push({ href: "/assets", label: "Asset map" });
  if (p.role === "admin") links.push({ href: "/admin/ingest", label: "Ingest" });
  if (p.role === "admin") links.push({ href: "/admin/erasure", label: "Erasure requests" });
  if (p.role === "admin") links.push({ href: "/admin/ai", label: "AI" });
  links.push({ href: "/account/tokens", label: "API tokens" });
  links.push({ href: "/account", label: "Account" });
  return links;
}

const LINK = "rounded px-3 py-1 text-sm";
const linkClass = (active: boolean) =>
  `${LINK} ${active ? "bg-panel-raised text-ink" : "text-ink-muted hover:bg-panel-raised hover:text-ink"}`;

/** The alert queue's link without its live count: while the count loads, and in the placeholder nav. */
function PlainAlertsLink({ href, label, active }: { href: string; label: string; active: boolean }) {
  return (
    <Link href={href} prefetch={false} aria-current={active ? "page" : undefined} className={linkClass(active)}>
      {label}
    </Link>
  );
}

/**
 * `current`: path of the page being shown, to mark its link. `alerts`: the nav count's data when the page
 * already loaded it with its own alerts (the nav then runs no query). The count streams in after the
 * rest of the page's first bytes (Suspense): the link is there at once, its number follows.
 */
export function AppNav({ principal, current, alerts }: { principal: Principal; current?: string; alerts?: NavAlertsData }) {
  return (
    <NavFrame
      principal={principal}
      current={current}
      alertsLink={(l, active) => (
        <Suspense fallback={<PlainAlertsLink {...l} active={active} />}>
          <NavAlerts principal={principal} current={active} shared={alerts} />
        </Suspense>
      )}
    />
  );
}

/** The same bar without the live alert count: the fallback of a page whose data is still streaming. */
export function AppNavPlaceholder({ principal, current }: { principal: Principal; current?: string }) {
  return <NavFrame principal={principal} current={current} alertsLink={(l, active) => <PlainAlertsLink {...l} active={active} />} />;
}

function NavFrame({
  principal,
  current,
  alertsLink,
}: {
  principal: Principal;
  current?: string;
  alertsLink: (l: NavLink, active: boolean) => ReactNode;
}) {
  const home = landingPath(principal);
  return (
    <header className="border-b border-line bg-panel">
      <nav aria-label="Main" className="mx-auto flex max-w-[120rem] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href={home} prefetch={false} className="font-semibold tracking-wide text-ink">
          IoMT Ward
        </Link>
        <ul className="flex flex-wrap items-center gap-1">
          {navLinks(principal).map((l) => {
            const active = current !== undefined && (current === l.href || current.startsWith(`${l.href}/`));
            return (
              <li key={l.href}>
                {l.live === "alerts" ? (
                  alertsLink(l, active)
                ) : (
                  <Link href={l.href} prefetch={false} aria-current={active ? "page" : undefined} className={linkClass(active)}>
                    {l.label}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-ink">
            {principal.name} <span className="text-ink-muted">· {ROLE_LABEL[principal.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
