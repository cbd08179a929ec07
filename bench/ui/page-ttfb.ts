// Time to first byte of the app's pages, each as its own account sees it: the ward and patient pages and
// the clinical lists as the nurse, the admin pages as an administrator, the portal as a patient. Each page
// is opened once unmeasured (the server's first render of a route loads its code), then `visits` times in
// one browser context (the account's session cookie), and navigation timing's responseStart is read after
// DOMContentLoaded; a page that redirects elsewhere, answers ≥ 400 or times out is reported as such.
import type { Browser, BrowserContextOptions } from "playwright-core";
import { median } from "./ui-stats";

export type TtfbPage = { account: "nurse" | "admin" | "patient"; path: string };
export type TtfbResult = TtfbPage & { ttfbMs: number[]; problem: string | null };

export function ttfbPages(wardId: string, patientId: string): TtfbPage[] {
  return [
    ...[`/wards/${wardId}`, `/patients/${patientId}`, "/alerts", "/admissions", "/flow", "/remote", "/account", "/account/tokens"].map(
      (path) => ({ account: "nurse" as const, path }),
    ),
    ...[
      "/admin/devices",
      "/admin/users",
      "/admin/audit",
      "/admin/ingest",
      "/admin/firmware",
      "/admin/ai/prompts",
      "/environment",
      "/assets",
    ].map((path) => ({ account: "admin" as const, path })),
    ...["/portal", "/portal/messages", "/portal/privacy"].map((path) => ({ account: "patient" as const, path })),
  ];
}

const READ_TTFB = `(() => { const n = performance.getEntriesByType("navigation")[0]; return n ? n.responseStart - n.startTime : null; })()`;

export async function measureTtfb(
  browser: Browser,
  baseUrl: string,
  sessions: Record<TtfbPage["account"], BrowserContextOptions["storageState"]>,
  pages: TtfbPage[],
  visits: number,
): Promise<TtfbResult[]> {
  const out: TtfbResult[] = [];
  for (const account of ["nurse", "admin", "patient"] as const) {
    const context = await browser.newContext({ storageState: sessions[account] });
    try {
      const page = await context.newPage();
      for (const p of pages.filter((x) => x.account === account)) {
        const result: TtfbResult = { ...p, ttfbMs: [], problem: null };
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
          else if (v > 0) {
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

/** Printed lines: one per page, its median and slowest visit. */
export function formatTtfb(results: TtfbResult[], goalMs: number): string[] {
  return results.map((r) => {
    const m = median(r.ttfbMs);
    const label = `${r.account.padEnd(7)} ${r.path}`.padEnd(44);
    if (r.problem || m === null) return `${label} ${r.problem ?? "no timing"}`;
    const max = Math.max(...r.ttfbMs);
    return `${label} median ${m.toFixed(0).padStart(5)} ms, slowest ${max.toFixed(0).padStart(5)} ms  ${m <= goalMs ? "met" : "NOT met"}`;
  });
}
