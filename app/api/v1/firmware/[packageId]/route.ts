// GET /api/v1/firmware/{packageId} (admin, biomed): one package's metadata, how many devices run it,
// and every device update for it with the state the device last reported.
import { z } from "zod";
import { Refusal } from "@/lib/errors/refusal";
import { getPackage } from "@/lib/firmware/package-queries";
import { registryRoute } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

export const GET = registryRoute({ params: z.object({ packageId: z.string().min(1).max(64) }) }, async ({ params }) => {
  const pkg = await getPackage(params.packageId);
  if (!pkg) throw new Refusal("not_found", "firmware package not found");
  return { package: pkg };
});
