// Floor plans and par levels (admins): every floor with its rooms count; import a GeoJSON or SVG-derived
// JSON floor (replace one or create a new one) with a preview and field-named problems; the par level
// (least available assets) per ward floor and asset class.
import type { Metadata } from "next";
import Link from "next/link";
import { AppNav } from "@/components/app-nav";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { getPrisma } from "@/lib/db/database";
import { loadFloors } from "@/lib/asset-tracking/floor-store";
import { listParLevels } from "@/lib/asset-tracking/par-levels";
import { FloorImport, type FloorRow } from "./floor-import";
import { ParLevels } from "./par-levels";

export const metadata: Metadata = { title: "Floor plans · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function FloorsPage() {
  const { principal } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/assets/floors" });
  const prisma = await getPrisma();
  const [floors, levels, wards] = await Promise.all([
    loadFloors(),
    listParLevels(),
    prisma.ward.findMany({ select: { id: true, code: true } }),
  ]);
  const wardCode = new Map(wards.map((w) => [w.id, w.code]));
  const rows: FloorRow[] = floors.map((f) => ({
    id: f.id,
    name: f.name,
    ward: f.wardId ? (wardCode.get(f.wardId) ?? null) : null,
    rooms: f.rooms.length,
  }));
  return (
    <>
      <AppNav principal={principal} current="/assets" />
      <main className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
        <div className="flex flex-wrap items-baseline gap-x-4">
          <h1 className="text-2xl font-semibold">Floor plans and par levels</h1>
          <Link href="/assets" prefetch={false} className="text-sm text-accent underline">
            Asset map
          </Link>
        </div>
        <FloorImport floors={rows} />
        <ParLevels floors={rows} levels={levels} />
      </main>
    </>
  );
}
