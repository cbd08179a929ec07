import { redirect } from "next/navigation";
import { landingPath, requirePagePrincipal } from "@/lib/pages/page-principal";

export default async function Home() {
  const { principal } = await requirePagePrincipal();
  redirect(landingPath(principal));
}
