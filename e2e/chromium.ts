// The Chromium the end-to-end suites drive (playwright.config.ts, playwright.fresh.config.ts): a system
// Chromium when there is one (CHROMIUM_PATH, /usr/bin/chromium), else the one shipped by npm.
import fs from "node:fs";

export async function chromium(): Promise<{ executablePath: string; args: string[] }> {
  const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && fs.existsSync(p));
  const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
  if (system) return { executablePath: system, args };
  const sparticuz = (await import("@sparticuz/chromium")).default;
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...sparticuz.args.filter((a) => !a.startsWith("--single-process")), ...args],
  };
}
