// Staff and duty (admins): every account with role, wards and state; invite (one-time link), disable,
// change role and wards; the duty roster of a ward (charge nurse, physician on call per shift) and a
// warning for every ward with nobody on duty now.
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { DutyGapBanner } from "@/components/duty/duty-gap-banner";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { listUsers } from "@/lib/users/user-admin";
import { getRoster } from "@/lib/duty/duty-roster";
import { getPrisma } from "@/lib/db/database";
import { InviteForm } from "./invite-form";
import { UserTable } from "./user-table";
import { RosterPanel } from "./roster-panel";

export const metadata: Metadata = { title: "Staff and duty · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/users" });
  const sp = await searchParams;
  const prisma = await getPrisma();
  const [users, wards] = await Promise.all([
    listUsers(),
    prisma.ward.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  const wardParam = typeof sp.ward === "string" ? sp.ward : undefined;
  const ward = wards.find((w) => w.id === wardParam || w.code === wardParam) ?? wards[0];
  const roster = ward ? await getRoster(ward.id) : null;
  const staff = users.filter((u) => !u.disabledAt && (u.role === "admin" || u.wards.some((w) => w.id === ward?.id)));
  return (
    <>
      <AppNav principal={principal} current="/admin/users" />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">Staff and duty</h1>
        <DutyGapBanner />
        <InviteForm wards={wards.map((w) => ({ value: w.code, label: `${w.code} · ${w.name}` }))} />
        <UserTable users={users} selfId={principal.userId} />
        {roster && (
          <RosterPanel
            roster={roster}
            wards={wards.map((w) => ({ value: w.code, label: `${w.code} · ${w.name}` }))}
            staff={staff.map((u) => ({ id: u.id, name: u.name, role: u.role }))}
          />
        )}
      </main>
    </>
  );
}
