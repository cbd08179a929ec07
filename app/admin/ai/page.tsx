// The AI admin section's entry: admins land on the prompts.
import { redirect } from "next/navigation";
import { requirePagePrincipal } from "@/lib/pages/page-principal";

export default async function AiAdminPage() {
  await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/ai" });
  redirect("/admin/ai/prompts");
}
