// Time to first byte and JS of every page of the app, each as its own account sees it: the clinical pages
// as the nurse, the admin pages as an administrator, the portal as a patient, the sign-in page signed out.
// Each page is opened once unmeasured (the server's first render of a route loads its code; its scripts are
// summed then: Resource Timing's encoded body sizes, cached or not), then `visits` times in one browser
// context (the account's session cookie), and navigation timing's responseStart is read after
// DOMContentLoaded; a page that redirects elsewhere, answers ≥ 400 or times out is reported as such.
import type { Browser, BrowserContextOptions } from "playwright-core";
import { READ_SCRIPT_BYTES } from "./measure-visit";
import { median } from "./ui-stats";

export type TtfbPage = { account: "nurse" | "admin" | "patient" | "signed-out"; path: string };
export type TtfbResult = TtfbPage & { ttfbMs: number[]; jsEncodedBytes: number | null; problem: string | null };

/** Every page route of the app (every app/.../page.tsx) but the invitation, whose address holds a one-time token. */
export function ttfbPages(ids: { wardId: string; patientId: string; deviceId: string }): TtfbPage[] {
  const nurse = [
    "/wards",
    `/wards/${ids.wardId}`,
    `/patients/${ids.patientId}`,
    "/alerts",
    "/admissions",
    "/flow",
    "/remote",
    "/account",
    "/account/tokens",
  ];
  // A device's page is for biomed and administrators.
  const admin = [
    `/devices/${ids.deviceId}`,
    "/admin/devices",
    "/admin/users",
    "/admin/audit",
    "/admin/ingest",
    "/admin/firmware",
    "/admin/erasure",
    "/admin/ai/prompts",
    "/admin/ai/prompts/handover-summary",
    "/admin/ai/parameters",
    "/admin/ai/calls",
    "/admin/ai/spend",
    "/environment",
    "/assets",
    "/assets/floors",
    "/assets/kpis",
  ];
  const patient = [
    "/portal",
    "/portal/messages",
    "/portal/privacy",
    "/portal/devices",
    "/portal/blood-pressure",
    "/portal/glucose",
    "/portal/asthma",
  ];
  return [
    ...nurse.map((path) => ({ account: "nurse" as const, path })),
    ...admin.map((path) => ({ account: "admin" as const, path })),
    ...patient.map((path) => ({ account: "patient" as const, path })),
    { account: "signed-out", path: "/login" },
  ];
}

const READ_TTFB = `(() => { const n = performance.getEntriesByType("navigation")[0]; return n ? n.responseStart - n.startTime : null; })()`;

export async function measureTtfb(
  browser: Browser,
  baseUrl: string,
  sessions: Record<Exclude<TtfbPage["account"], "signed-out">, BrowserContextOptions["storageState"]>,
  pages: TtfbPage[],
  visits: number,
): Promise<TtfbResult[]> {
  const out: TtfbResult[] = [];
  for (const account of ["nurse", "admin", "patient", "signed-out"] as const) {
    const context = await browser.newContext({ storageState: account === "signed-out" ? undefined : sessions[account] });
    try {
      const page = await context.newPage();
      for (const p of pages.filter((x) => x.account === account)) {
        const result: TtfbResult = { ...p, ttfbMs: [], jsEncodedBytes: null, problem: null };
        for (let v = 0; v <= visits && !result.problem; v++) {
          const res = await page.goto(`${baseUrl}${p.path}`, { waitUntil: "domcontentloaded", timeout: 60_000 }).catch((err: unknown) => {
            result.problem = err instanceof Error ? err.message.split("\n")[0]! : String(err);
            return null;
          });
          if (result.problem) break;
          // The next visit waits until this one's own requests are done (its data, prefetches; at most 3 s):
          // otherwise a page is timed while the server still answers the page before it.
          await page.waitForLoadState("networkidle", { timeout: 3000 }).catch(() => undefined);
          const landed = new URL(page.url()).pathname;
          if (!res || res.status() >= 400) result.problem = `HTTP ${res?.status() ?? "no response"}`;
          else if (landed !== p.path) result.problem = `redirected to ${landed}`;
          else if (v === 0) result.jsEncodedBytes = ((await page.evaluate(READ_SCRIPT_BYTES)) as { encoded: number }).encoded;
          else {
            const t = (await page.evaluate(READ_TTFB)) as number | null;
            if (t !== null) result.ttfbMs.push(t);
          }
        }
        out.push(result);
      }
    } finally {
      await context.close();
    }
  }
  return out;
}

/** Printed lines: one per page, its median and slowest visit, its JS, and whether both goals are met. */
export function formatTtfb(results: TtfbResult[], goals: { ttfbMs: number; jsKiB: number }): string[] {
  return results.map((r) => {
    const m = median(r.ttfbMs);
    const label = `${r.account.padEnd(10)} ${r.path}`.padEnd(50);
    if (r.problem || m === null) return `${label} ${r.problem ?? "no timing"}`;
    const max = Math.max(...r.ttfbMs);
    const kib = r.jsEncodedBytes === null ? null : r.jsEncodedBytes / 1024;
    const js = kib === null ? "JS –" : `JS ${kib.toFixed(0).padStart(4)} KiB`;
    const met = m <= goals.ttfbMs && (kib === null || kib <= goals.jsKiB);
    return `${label} median ${m.toFixed(0).padStart(5)} ms, slowest ${max.toFixed(0).padStart(5)} ms, ${js}  ${met ? "met" : "NOT met"}`;
  });
}
