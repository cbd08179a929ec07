// The frame of every portal page: the app bar, the portal's navigation and a narrow main column with the
// page's heading (mobile first: one column at 390 px, no horizontal scroll).
import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import type { Principal } from "@/lib/auth/principal";
import { PortalNav } from "./portal-nav";

export function PortalShell({
  principal,
  current,
  title,
  children,
}: {
  principal: Principal;
  current: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <AppNav principal={principal} current={current} />
      <PortalNav current={current} />
      <main className="mx-auto max-w-3xl overflow-x-hidden px-3 py-4 sm:px-4">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {children}
      </main>
    </>
  );
}
