// The wards the signed-in clinician may see, each with its open alarms by priority (refreshed every
// 30 s); with exactly one ward, go straight to it.
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { EmptyState } from "@/components/ui/empty-state";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { countOpenAlarmsByWard, emptyCounts } from "@/lib/alerts/ward-alarm-counts";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { listVisibleWards } from "@/lib/patients/patient-queries";
import { WardAlarmChips } from "./ward-alarm-chips";

export default async function WardsPage() {
  const { principal } = await requirePagePrincipal({ roles: CLINICAL_ROLES, returnTo: "/wards" });
  const wards = await listVisibleWards(principal);
  if (wards.length === 1) redirect(`/wards/${wards[0]!.id}`);
  const alarms = await countOpenAlarmsByWard(wards.map((w) => w.id));
  return (
    <>
      <AppNav principal={principal} current="/wards" />
      <AutoRefresh seconds={30} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Wards</h1>
        {wards.length === 0 ? (
          <EmptyState>You are not assigned to any ward. Ask an administrator to add you to your ward.</EmptyState>
        ) : (
          <ul className="mt-6 grid gap-3 sm:grid-cols-2">
            {wards.map((w) => (
              <li key={w.id}>
                <Link
                  href={`/wards/${w.id}`}
                  data-testid="ward-card"
                  data-ward={w.code}
                  className="block rounded-lg border border-line bg-panel p-4 hover:border-line-strong hover:bg-panel-raised"
                >
                  <span className="block text-lg font-semibold">{w.name}</span>
                  <span className="mt-1 block text-sm text-ink-muted">
                    {w.code} · {w._count.beds} {w._count.beds === 1 ? "bed" : "beds"}
                  </span>
                  <WardAlarmChips counts={alarms.get(w.id) ?? emptyCounts()} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
