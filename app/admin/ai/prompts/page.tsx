// The prompt vault (admins): every prompt with its labels (production, staging, latest), how many
// versions it has, and whether patients may see its output. A prompt opens its editor and versions.
import type { Metadata } from "next";
import Link from "next/link";
import { AiAdminHeader } from "@/components/ai/ai-admin-header";
import { AppNav } from "@/components/app-nav";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UtcTime } from "@/components/ui/time";
import { aiStatus, listPrompts, type PromptSummary } from "@/lib/ai/service";
import { requirePagePrincipal } from "@/lib/pages/page-principal";

export const metadata: Metadata = { title: "AI prompts · IoMT Ward" };
export const dynamic = "force-dynamic";

const COLUMNS = ["Prompt", "Feature", "Production", "Staging", "Latest", "Versions", "Patients see it", "Updated"];

function LabelCell({ version, tone }: { version: number | null; tone: "outline-accent" | "outline-medium" | "muted" }) {
  return (
    <td className="px-3 py-2">{version === null ? <span className="text-ink-faint">—</span> : <Badge tone={tone}>v{version}</Badge>}</td>
  );
}

export default async function PromptsPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/ai/prompts" });
  const [prompts, status] = await Promise.all([listPrompts({ principal, meta }), aiStatus()]);
  return (
    <>
      <AppNav principal={principal} current="/admin/ai" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <AiAdminHeader title="AI prompts" section="/admin/ai/prompts" status={status}>
          Versioned prompts: every change is a new numbered version; a version reaches <strong>production</strong> only after an admin other
          than its author approved it. Promote and roll back move labels, and every move is audited.
        </AiAdminHeader>
        <DataTable<PromptSummary>
          columns={COLUMNS}
          rows={prompts}
          caption="Prompts"
          empty={<EmptyState>No prompts yet.</EmptyState>}
          row={(p) => (
            <tr key={p.name} className="border-t border-line" data-testid="prompt-row" data-prompt={p.name}>
              <td className="px-3 py-2">
                {/* No prefetch: each would render a prompt's editor (its versions and labels) on the server as this page loads. */}
                <Link
                  href={`/admin/ai/prompts/${encodeURIComponent(p.name)}`}
                  prefetch={false}
                  className="font-mono font-semibold text-accent hover:underline"
                >
                  {p.name}
                </Link>
                {p.description && <div className="text-xs text-ink-muted">{p.description}</div>}
              </td>
              <td className="px-3 py-2 text-ink-muted">{p.feature ?? "—"}</td>
              <LabelCell version={p.labels.production} tone="outline-accent" />
              <LabelCell version={p.labels.staging} tone="outline-medium" />
              <LabelCell version={p.labels.latest} tone="muted" />
              <td className="px-3 py-2 tabular">{p.versions}</td>
              <td className="px-3 py-2">
                {p.patientFacing ? <Badge tone="outline-medium">yes</Badge> : <span className="text-ink-muted">no</span>}
              </td>
              <td className="px-3 py-2 text-ink-muted">
                <UtcTime iso={p.updatedAt} />
              </td>
            </tr>
          )}
        />
      </main>
    </>
  );
}
