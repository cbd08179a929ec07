// The patient's privacy page on a phone (390×844): the patient grants and then withdraws research consent,
// downloads the record as FHIR R4 (the Bundle carries the decision just made), sees that export in the
// access report, and asks for erasure; an admin refuses the request with a reason on /admin/erasure, and
// the patient sees the refusal and its reason.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const PHONE = { width: 390, height: 844 };

test("a patient withdraws research consent, downloads the export and follows an erasure request", async ({ browser }) => {
  test.setTimeout(120_000);
  const patient = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const page = await patient.newPage();
  await signIn(page, "clara@demo.local");
  await page.goto("/portal/privacy");
  await expect(page.getByRole("heading", { name: "Privacy and your data", level: 1 })).toBeVisible();

  const research = page.getByRole("switch", { name: "Research" });
  await expect(research).toHaveAttribute("aria-checked", "false"); // research needs a yes
  await research.click();
  await expect(research).toHaveAttribute("aria-checked", "true");
  await research.click();
  await expect(research).toHaveAttribute("aria-checked", "false");
  const consents = (await (await page.request.get("/api/v1/me/consents")).json()) as {
    consents: { purpose: string; granted: boolean; source: string }[];
  };
  expect(consents.consents.find((c) => c.purpose === "research")).toMatchObject({ granted: false, source: "recorded" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download everything (FHIR R4, JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^health-record-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const bundle = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as {
    resourceType: string;
    entry: {
      resource: { resourceType: string; identifier?: { value: string }[]; provision?: { type: string; purpose: { code: string }[] } };
    }[];
  };
  expect(bundle.resourceType).toBe("Bundle");
  const resources = bundle.entry.map((e) => e.resource);
  expect(resources.filter((r) => r.resourceType === "Patient").map((r) => r.identifier?.[0]?.value)).toEqual(["H-1003"]);
  const researchConsent = resources.find((r) => r.resourceType === "Consent" && r.provision?.purpose.some((p) => p.code === "research"));
  expect(researchConsent?.provision?.type).toBe("deny");

  await page.reload();
  await expect(page.getByTestId("access-report")).toContainText("Exported your record");
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, "the page scrolls sideways at 390 px").toBeLessThanOrEqual(widths.client);

  await page.getByLabel("Anything we should know (optional)").fill("Moving abroad");
  await page.getByRole("button", { name: "Ask for my data to be erased" }).click();
  await expect(page.getByTestId("erasure-status")).toContainText("Pending");

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin@demo.local");
  await adminPage.goto("/admin/erasure");
  await expect(adminPage.getByRole("heading", { name: "The legal-retention rule" })).toBeVisible();
  const row = adminPage.getByRole("row").filter({ hasText: "H-1003" }).filter({ hasText: "Moving abroad" });
  await row.getByRole("button", { name: "Refuse" }).click();
  await row.getByLabel("Reason (the patient sees it)").fill("An open complaint needs the record");
  await row.getByRole("button", { name: "Refuse" }).click();
  await expect(row).toContainText("Refused");
  await admin.close();

  await page.reload();
  await expect(page.getByTestId("erasure-status").first()).toContainText("Refused.");
  await expect(page.getByTestId("erasure-status").first()).toContainText("An open complaint needs the record");
  await patient.close();
});
