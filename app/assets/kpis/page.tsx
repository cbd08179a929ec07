// Asset KPIs (nurses of their wards' floors, biomed, admins): utilization per class over the last 30 days and
// its daily trend, idle assets, time to locate, and what is missing now.
import type { Metadata } from "next";
import Link from "next/link";
import { AppNav } from "@/components/app-nav";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { ASSET_ROLES } from "@/lib/asset-tracking/asset-roles";
import { loadAssetKpis } from "@/lib/asset-tracking/asset-kpis";
import { assetLabel, classLabel } from "@/components/assets/asset-types";
import { formatLocateTime, prepareUtilization } from "@/components/assets/prepare-utilization";
import { UtilizationChart } from "@/components/assets/utilization-chart";

export const metadata: Metadata = { title: "Asset KPIs · IoMT Ward" };
export const dynamic = "force-dynamic";

const pct = (u: number | null) => (u === null ? "–" : `${Math.round(u * 100)} %`);
const hours = (msValue: number) => `${Math.round(msValue / 3_600_000)} h`;

export default async function AssetKpisPage() {
  const { principal } = await requirePagePrincipal({ roles: ASSET_ROLES, returnTo: "/assets/kpis" });
  const k = await loadAssetKpis(principal);
  const chart = prepareUtilization(k.trend);
  const ttl = k.timeToLocate;
  return (
    <>
      <AppNav principal={principal} current="/assets" />
      <main className="mx-auto max-w-[120rem] space-y-6 px-3 py-4 sm:px-4">
        <div className="flex flex-wrap items-baseline gap-x-4">
          <h1 className="text-2xl font-semibold">Asset KPIs</h1>
          <Link href="/assets" prefetch={false} className="text-sm text-accent underline">
            Back to the map
          </Link>
          <span className="text-sm text-ink-muted">
            Last 30 days, {k.from.slice(0, 10)} to {k.to.slice(0, 10)} (UTC)
          </span>
        </div>
        <section aria-label="Summary" className="flex flex-wrap gap-3">
          <Stat label="assets tracked" value={k.counts["*"]?.total ?? 0} />
          <Stat label="missing now" value={k.missing.length} tone={k.missing.length ? "text-alarm-high" : ""} />
          <Stat label="idle ≥ 24 h" value={k.idle.length} />
          <Stat label="time to locate (median)" value={formatLocateTime(ttl.medianMs)} />
          <Stat label="time to locate (p90)" value={formatLocateTime(ttl.p90Ms)} />
          <Stat label="searches (found / not)" value={`${ttl.found} / ${ttl.notFound}`} />
        </section>
        <section aria-label="Utilization per class">
          <h2 className="text-lg font-semibold">Utilization per class (time in use / time owned)</h2>
          <table className="mt-2 text-sm">
            <tbody>
              {k.utilization.map((u) => (
                <tr key={u.class} className="border-t border-line" data-testid={`utilization-${u.class}`}>
                  <td className="py-1 pr-6">{classLabel(u.class)}</td>
                  <td className="py-1 pr-6 font-semibold">{pct(u.utilization)}</td>
                  <td className="py-1 text-ink-muted">{u.assets} assets</td>
                </tr>
              ))}
            </tbody>
          </table>
          <UtilizationChart rows={chart.rows} classes={chart.classes} />
        </section>
        <section aria-label="Missing">
          <h2 className="text-lg font-semibold">Missing now</h2>
          {k.missing.length === 0 ? (
            <p className="text-sm text-ink-muted">None.</p>
          ) : (
            <ul className="text-sm">
              {k.missing.map((a) => (
                <li key={a.id}>
                  {assetLabel(a)} ({classLabel(a.class)}) · last in {a.roomName ?? a.roomId ?? "?"}{" "}
                  {a.lastSeenAt ? `, last heard ${a.lastSeenAt.slice(0, 16).replace("T", " ")} UTC` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Idle">
          <h2 className="text-lg font-semibold">Idle assets (available 24 h or more)</h2>
          <ul className="text-sm">
            {k.idle.slice(0, 50).map((i) => (
              <li key={i.asset.id}>
                {assetLabel(i.asset)} ({classLabel(i.asset.class)}) · {i.asset.roomName ?? "?"} · idle {hours(i.idleMs)}
              </li>
            ))}
            {k.idle.length === 0 && <li className="text-ink-muted">None.</li>}
          </ul>
        </section>
      </main>
    </>
  );
}

function Stat({ label, value, tone = "" }: { label: string; value: string | number; tone?: string }) {
  return (
    <div className="rounded border border-line bg-panel px-3 py-2">
      <div className={`text-xl font-semibold ${tone}`}>{value}</div>
      <div className="text-xs text-ink-muted">{label}</div>
    </div>
  );
}
