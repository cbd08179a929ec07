// One prompt (admins): its versions with labels and approvals (approve, promote, roll back), the
// word-level diff between any two versions, the editor for a new version, and the preview of exactly
// what a version would send for a sample subject.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AiAdminHeader } from "@/components/ai/ai-admin-header";
import { AppNav } from "@/components/app-nav";
import { aiStatus, getPrompt, listParameters } from "@/lib/ai/service";
import { Refusal } from "@/lib/errors/refusal";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { PromptWorkspace } from "./prompt-workspace";

export const metadata: Metadata = { title: "AI prompt · IoMT Ward" };
export const dynamic = "force-dynamic";

type Params = Promise<{ name: string }>;

export default async function PromptPage({ params }: { params: Params }) {
  const { name } = await params;
  const promptName = decodeURIComponent(name);
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: `/admin/ai/prompts/${name}` });
  const actor = { principal, meta };
  const [prompt, parameters, status] = await Promise.all([
    getPrompt(actor, promptName).catch((err: unknown) => {
      if (err instanceof Refusal && err.kind === "not_found") return null;
      throw err;
    }),
    listParameters(actor),
    aiStatus(),
  ]);
  if (!prompt) notFound();
  const available = parameters.filter((p) => prompt.feature !== null && p.allowedFor.includes(prompt.feature));
  return (
    <>
      <AppNav principal={principal} current="/admin/ai" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <p className="text-sm">
          <Link href="/admin/ai/prompts" className="text-accent hover:underline">
            ← Prompts
          </Link>
        </p>
        <AiAdminHeader title={prompt.name} section="/admin/ai/prompts" status={status}>
          {prompt.description}
        </AiAdminHeader>
        <PromptWorkspace prompt={prompt} available={available} meId={principal.userId} />
      </main>
    </>
  );
}
