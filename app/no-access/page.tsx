// Where a patient account lands when it is not (or no longer) linked to a patient record.
import { redirect } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { landingPath, requirePagePrincipal } from "@/lib/pages/page-principal";

export default async function NoAccessPage() {
  const { principal } = await requirePagePrincipal({ returnTo: "/no-access" });
  const landing = landingPath(principal);
  if (landing !== "/no-access") redirect(landing);
  return (
    <>
      <AppNav principal={principal} current="/no-access" />
      <main className="mx-auto max-w-xl px-4 py-16">
        <h1 className="text-2xl font-semibold">No patient record linked</h1>
        <p className="mt-4 text-ink-muted">
          Your account is not linked to a patient record, so there is nothing to show yet. Please contact your care team or the hospital
          help desk to have your account linked.
        </p>
      </main>
    </>
  );
}
