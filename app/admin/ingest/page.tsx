// Ingest health for administrators: this node's counters (what was stored, refused and why, MQTT
// refusals included), the writer's buffer and the quarantine of refused frames with a CSV export.
// Filters live in the URL; the export link carries the same filters to GET /api/v1/ingest/rejections.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppNav } from "@/components/app-nav";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input } from "@/components/ui/input";
import { formatUtc } from "@/components/ui/time";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { listRejections, rejectionTotals } from "@/lib/ingest/list-rejections";
import { ingestStatus } from "@/lib/ingest/ingest-status";
import { OUTCOMES, TRANSPORTS, type Outcome } from "@/lib/ingest/ingest-counters";
import { RejectionRow } from "./rejection-row";

export const metadata: Metadata = { title: "Ingest · IoMT Ward" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  device: z.preprocess(first, z.string().trim().max(100).optional().catch(undefined)).transform((v) => v || undefined),
  beforeId: z.preprocess(
    first,
    z
      .string()
      .regex(/^\d{1,19}$/)
      .optional()
      .catch(undefined),
  ),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Stat({ label, value, tone }: { label: string; value: string | number; tone?: "warn" | "ok" }) {
  const color = tone === "warn" ? "text-alarm-medium" : tone === "ok" ? "text-ok" : "text-ink";
  return (
    <div className="rounded-lg border border-line bg-panel px-4 py-3">
      <div className="text-xs text-ink-muted">{label}</div>
      <div className={`mt-1 font-mono text-xl tabular ${color}`}>{value}</div>
    </div>
  );
}

export default async function IngestPage({ searchParams }: { searchParams: SearchParams }) {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/ingest" });
  const params = paramsSchema.parse(await searchParams);
  const [status, totals, page] = await Promise.all([
    ingestStatus(),
    rejectionTotals(),
    listRejections({ deviceId: params.device, beforeId: params.beforeId, limit: PAGE_SIZE }),
  ]);
  await recordAudit([
    { actor: principal, action: "ingest.rejections.view", meta, detail: { deviceId: params.device ?? null, via: "page" } },
  ]);

  const exportQuery = new URLSearchParams({ format: "csv", limit: "10000", ...(params.device ? { deviceId: params.device } : {}) });
  const outcomes = Object.keys(OUTCOMES) as Outcome[];
  const w = status.writer;

  return (
    <>
      <AppNav principal={principal} current="/admin/ingest" />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <h1 className="text-2xl font-semibold">Ingest</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Telemetry accepted and refused on this app node since {formatUtc(status.since, { precision: "second", zone: true })}, and the
          quarantine of refused frames.
        </p>

        <section aria-labelledby="pipeline" className="mt-6">
          <h2 id="pipeline" className="text-lg font-medium">
            Pipeline
          </h2>
          <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
            <Stat
              label="Frames waiting for the database"
              value={`${w.pendingFrames} / ${w.bufferLimit}`}
              tone={w.pendingFrames > w.bufferLimit / 2 ? "warn" : undefined}
            />
            <Stat
              label="Database writes"
              value={w.failingSince ? `failing since ${w.failingSince.slice(11, 19)}` : "healthy"}
              tone={w.failingSince ? "warn" : "ok"}
            />
            <Stat label="Write retries" value={w.retries} />
            <Stat
              label="Quarantined (24 h / 1 h)"
              value={`${totals.last24h} / ${totals.lastHour}`}
              tone={totals.lastHour ? "warn" : undefined}
            />
            <Stat label="Quarantine queue" value={status.quarantine.queued} />
            <Stat
              label="Quarantine not kept (queue full)"
              value={status.quarantine.dropped}
              tone={status.quarantine.dropped ? "warn" : undefined}
            />
          </div>
          <p className="mt-2 text-xs text-ink-faint">
            Limits: body {Math.round(status.limits.maxBodyBytes / 1024)} KiB · {status.limits.ratePerSec} frames/s per device (burst{" "}
            {status.limits.rateBurst}) · HTTP answer within {status.limits.httpTimeoutMs / 1000} s
          </p>
        </section>

        <section aria-labelledby="counters" className="mt-6">
          <h2 id="counters" className="text-lg font-medium">
            Counters by transport
          </h2>
          <DataTable
            className="mt-3 overflow-x-auto rounded-lg border border-line"
            thClassName="px-3 py-2 font-medium"
            columns={["Outcome", ...TRANSPORTS.map((t) => ({ label: t, className: "text-right uppercase" }))]}
            rows={outcomes}
            row={(o) => (
              <tr key={o} className="border-t border-line">
                <th scope="row" className="px-3 py-1.5 font-normal">
                  <span className="font-mono">{o}</span> <span className="text-ink-muted">· {OUTCOMES[o]}</span>
                </th>
                {TRANSPORTS.map((t) => (
                  <td key={t} className="px-3 py-1.5 text-right font-mono tabular">
                    {status.counts[t][o]}
                  </td>
                ))}
              </tr>
            )}
          />
        </section>

        <section aria-labelledby="quarantine" className="mt-6">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="quarantine" className="text-lg font-medium">
              Quarantine
            </h2>
            <a
              href={`/api/v1/ingest/rejections?${exportQuery}`}
              className="rounded border border-line-strong px-3 py-1.5 text-sm text-accent hover:bg-panel-raised"
            >
              Export CSV{params.device ? ` (${params.device})` : ""}
            </a>
          </div>
          <FilterBar
            action="/admin/ingest"
            label="Filter rejections"
            active={Boolean(params.device)}
            clearLabel="Clear"
            className="mt-3 flex items-end gap-3"
          >
            <Field id="ingest-device" label="Device id">
              <Input
                id="ingest-device"
                name="device"
                defaultValue={params.device ?? ""}
                placeholder="exact id"
                maxLength={100}
                autoComplete="off"
                width="w-64"
                className="mt-1"
              />
            </Field>
          </FilterBar>
          {totals.topDevices24h.length > 0 && (
            <p className="mt-2 text-xs text-ink-muted">
              Most rejections in 24 h: {totals.topDevices24h.map((d) => `${d.deviceId ?? "unknown"} (${d.count})`).join(", ")}
            </p>
          )}
          <DataTable
            caption="Refused frames, newest first"
            className="mt-3 overflow-x-auto rounded-lg border border-line"
            columns={["When (UTC)", "Device", "Transport / topic", "Reason", "Payload"]}
            rows={page.rejections}
            row={(r) => <RejectionRow key={r.id} rejection={r} />}
            empty={<EmptyState className="mt-4">No refused frames{params.device ? " for this device" : ""}.</EmptyState>}
          />
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {params.beforeId && (
              <Link
                href={params.device ? `/admin/ingest?device=${encodeURIComponent(params.device)}` : "/admin/ingest"}
                className="text-accent hover:underline"
              >
                ← Newest
              </Link>
            )}
            {page.nextBeforeId && (
              <Link
                href={`/admin/ingest?${new URLSearchParams({ ...(params.device ? { device: params.device } : {}), beforeId: page.nextBeforeId })}`}
                className="text-accent hover:underline"
              >
                Older →
              </Link>
            )}
          </nav>
        </section>
      </main>
    </>
  );
}
