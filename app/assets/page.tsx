// The asset map (nurses of their wards' floors, biomed, admins): the floor plans with every tracked asset
// live, filters, "nearest available <class> to <bed or room>", an asset's 24 h trail and the status of each.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { AppNav } from "@/components/app-nav";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { ASSET_ROLES } from "@/lib/asset-tracking/asset-roles";
import { listAssets } from "@/lib/asset-tracking/asset-queries";
import { listVisibleFloors } from "@/lib/asset-tracking/floor-store";
import { AssetMapView } from "./asset-map-view";

export const metadata: Metadata = { title: "Asset map · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function AssetsPage() {
  const { principal } = await requirePagePrincipal({ roles: ASSET_ROLES, returnTo: "/assets" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/assets" what="the asset map" />}>
      <AssetsPageContent principal={principal} />
    </Suspense>
  );
}

async function AssetsPageContent({ principal }: { principal: Principal }) {
  const [floors, assets] = await Promise.all([listVisibleFloors(principal), listAssets(principal)]);
  return (
    <>
      <AppNav principal={principal} current="/assets" />
      <main className="mx-auto max-w-[120rem] px-3 py-4 sm:px-4">
        <div className="flex flex-wrap items-baseline gap-x-4">
          <h1 className="text-2xl font-semibold">Asset map</h1>
          <Link href="/assets/kpis" prefetch={false} className="text-sm text-accent underline">
            Utilization and KPIs
          </Link>
          {principal.role === "admin" && (
            <Link href="/assets/floors" prefetch={false} className="text-sm text-accent underline">
              Floor plans and par levels
            </Link>
          )}
        </div>
        <AssetMapView
          floors={floors.map((f) => ({
            id: f.id,
            name: f.name,
            wardId: f.wardId,
            rooms: f.rooms.map((r) => ({
              ...r,
              polygon: r.polygon.map((p) => [p[0], p[1]] as [number, number]),
              centroid: [r.centroid[0], r.centroid[1]] as [number, number],
            })),
          }))}
          initialAssets={assets}
        />
      </main>
    </>
  );
}
