// Where a patient account lands when it is not (or no longer) linked to a patient record: a 403 (there is
// nothing this account may see), worded by app/forbidden.tsx. Any other account goes to its start page.
import { forbidden, redirect } from "next/navigation";
import { landingPath, requirePagePrincipal } from "@/lib/pages/page-principal";

export default async function NoAccessPage() {
  const { principal } = await requirePagePrincipal({ returnTo: "/no-access" });
  const landing = landingPath(principal);
  if (landing !== "/no-access") redirect(landing);
  forbidden();
}
