// GET /api/v1/firmware/{packageId} (admin, biomed): one package's metadata, how many devices run it,
// and every device update for it with the state the device last reported.
import { z } from "zod";
import { notFound } from "@/lib/http/api-errors";
import { getPackage } from "@/lib/firmware/package-queries";
import { registryRoute } from "@/lib/firmware/route-helpers";

export const dynamic = "force-dynamic";

export const GET = registryRoute({ params: z.object({ packageId: z.string().min(1).max(64) }) }, async ({ params }) => {
  const pkg = await getPackage(params.packageId);
  if (!pkg) throw notFound("firmware package");
  return { package: pkg };
});
