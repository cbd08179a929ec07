// The parameter manager (admins): every data parameter the model can read (a fixed, reviewed query in
// code), what it reads about, the bounds the code fixes (min, max, default), which prompts may enable
// it, and which prompt versions in production do, with their bounds. Bounds are set per prompt version
// in the prompt editor.
import type { Metadata } from "next";
import Link from "next/link";
import { AiAdminHeader } from "@/components/ai/ai-admin-header";
import { AppNav } from "@/components/app-nav";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { aiStatus, getPrompt, listParameters, listPrompts, type ParameterInfo } from "@/lib/ai/service";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { productionUses, type ProductionUse } from "./production-uses";

export const metadata: Metadata = { title: "AI parameters · IoMT Ward" };
export const dynamic = "force-dynamic";

const COLUMNS = ["Parameter", "Reads about", "Bounds fixed in code", "Prompts allowed", "In production"];

export default async function ParametersPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/ai/parameters" });
  const actor = { principal, meta };
  const [parameters, prompts, status] = await Promise.all([listParameters(actor), listPrompts(actor), aiStatus()]);
  const details = await Promise.all(prompts.map((p) => getPrompt(actor, p.name)));
  const uses = productionUses(details);
  return (
    <>
      <AppNav principal={principal} current="/admin/ai" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <AiAdminHeader title="AI data parameters" section="/admin/ai/parameters" status={status}>
          The model reads data only through these named, typed parameters. Scope always comes from the signed-in caller (a nurse on 4E
          cannot resolve an ICU patient), and every value is de-identified before it leaves. A prompt version enables the ones it needs and
          sets their bounds inside the limits below.
        </AiAdminHeader>
        <DataTable<ParameterInfo>
          columns={COLUMNS}
          rows={parameters}
          caption="Data parameters"
          empty={<EmptyState>No parameters are registered.</EmptyState>}
          row={(p) => (
            <tr key={p.name} className="border-t border-line align-top" data-testid="parameter-row" data-parameter={p.name}>
              <td className="px-3 py-2">
                <span className="font-mono font-semibold">{p.name}</span>
                <div className="max-w-md text-xs text-ink-muted">{p.description}</div>
              </td>
              <td className="px-3 py-2">{p.subject}</td>
              <td className="px-3 py-2">
                {Object.keys(p.bounds).length === 0 ? (
                  <span className="text-ink-muted">none</span>
                ) : (
                  <ul className="space-y-0.5">
                    {Object.entries(p.bounds).map(([key, b]) => (
                      <li key={key} title={b.description}>
                        <span className="font-mono">{key}</span>{" "}
                        <span className="tabular">
                          {b.min}–{b.max} {b.unit}
                        </span>{" "}
                        <span className="text-xs text-ink-muted">(default {b.default})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2">{p.allowedFor.join(", ") || <span className="text-ink-muted">none</span>}</td>
              <td className="px-3 py-2">
                <UseList uses={uses.get(p.name) ?? []} />
              </td>
            </tr>
          )}
        />
      </main>
    </>
  );
}

function UseList({ uses }: { uses: ProductionUse[] }) {
  if (uses.length === 0) return <span className="text-ink-muted">not enabled</span>;
  return (
    <ul className="space-y-0.5">
      {uses.map((u) => (
        <li key={u.prompt}>
          <Link href={`/admin/ai/prompts/${encodeURIComponent(u.prompt)}`} className="font-mono text-accent hover:underline">
            {u.prompt} v{u.version}
          </Link>{" "}
          <span className="text-xs text-ink-muted">{u.bounds || "default bounds"}</span>
        </li>
      ))}
    </ul>
  );
}
