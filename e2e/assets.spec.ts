// The asset map in a real Chromium against the real app: a nurse of 4E searches for the nearest available
// infusion pump to a bed and the map shows it in its room; then a BLE gateway (its own credentials, MQTT
// QoS 1 through the embedded broker) hears the pump in another room and the marker moves without a reload.
import mqtt from "mqtt";
import { expect, test } from "@playwright/test";
import { cli, mqttUrl, signIn } from "./support";

type Gateway = { id: string; secret: string };

async function publishSightings(
  url: string,
  gateways: { gw: Gateway; rssi: number }[],
  tag: string,
  seconds: number,
  endAt: number,
  firstSeq: number,
) {
  const clients = await Promise.all(
    gateways.map(({ gw }) => mqtt.connectAsync(url, { clientId: gw.id, username: gw.id, password: gw.secret, reconnectPeriod: 0 })),
  );
  try {
    for (let i = 0; i < seconds; i++) {
      const ts = new Date(endAt - (seconds - 1 - i) * 1000).toISOString();
      for (const [k, { gw, rssi }] of gateways.entries())
        await clients[k]!.publishAsync(
          `devices/${gw.id}/sightings`,
          JSON.stringify({ seq: firstSeq + i, ts, sightings: [{ tag, rssi }] }),
          { qos: 1 },
        );
    }
  } finally {
    await Promise.all(clients.map((c) => c.endAsync()));
  }
}

test("a nurse finds the nearest available pump on the map, and sees it move live when a gateway hears it elsewhere", async ({
  page,
  request,
}) => {
  const store = cli<Gateway>("devices", "create", "--type", "ble_gateway", "--room", "4E-STORE");
  const clean = cli<Gateway>("devices", "create", "--type", "ble_gateway", "--room", "4E-CLEAN");
  const tag = cli<{ id: string; assetId: string }>(
    "devices",
    "create",
    "--type",
    "asset_tag",
    "--asset-class",
    "infusion_pump",
    "--asset-name",
    "E2E Pump",
  );
  const url = await mqttUrl(request);
  await page.waitForTimeout(1000); // the location service follows registry changes within a moment
  const now = Date.now();
  await publishSightings(
    url,
    [
      { gw: store, rssi: -48 },
      { gw: clean, rssi: -85 },
    ],
    tag.id,
    8,
    now - 20_000, // a gateway's clock only moves forward: the later batch's sightings all come after these
    1,
  );

  await signIn(page, "nurse@demo.local");
  await page.goto("/assets");
  await expect(page.getByRole("heading", { name: "Asset map" })).toBeVisible();
  await page.getByLabel("Asset class").selectOption("infusion_pump");
  await page.getByLabel("Bed or room").fill("4E/1");
  await page.getByRole("button", { name: "Find" }).click();
  const result = page.getByTestId("nearest-result").filter({ hasText: "E2E Pump" });
  await expect(result).toBeVisible();
  await expect(result).toContainText("Equipment store");
  const marker = page.locator(`circle[data-asset-id="${tag.assetId}"]`);
  await expect(marker).toHaveAttribute("data-room-id", "4E-STORE");
  await result.getByRole("button", { name: "Open room" }).click();
  await expect(page.getByTestId("room-assets")).toContainText("E2E Pump");

  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await publishSightings(
    url,
    [
      { gw: clean, rssi: -45 },
      { gw: store, rssi: -88 },
    ],
    tag.id,
    16,
    Date.now(),
    100,
  );
  await expect(marker).toHaveAttribute("data-room-id", "4E-CLEAN", { timeout: 15_000 });
  await expect(page.locator(`tr[data-asset-row="${tag.assetId}"]`).getByTestId("asset-room")).toHaveText("Clean utility");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
