import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { runCliCommand } from "@/lib/cli/commands";
import { createDevice } from "./manage-devices";

describe("registering a device behind a gateway", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
  });
  afterAll(async () => db?.destroy());

  it("records the gateway for a child created with --gateway", async () => {
    const hub = await createDevice({ type: "gateway" });
    const out = await runCliCommand(["devices", "create", "--type", "wearable", "--gateway", hub.id, "--json"]);
    const child = out.json as { id: string };
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: child.id } })).gatewayId).toBe(hub.id);
  });

  it("refuses a gateway that does not exist or is not a gateway, naming the field", async () => {
    const monitor = await createDevice({ type: "bedside_monitor" });
    await expect(createDevice({ type: "wearable", gatewayId: monitor.id })).rejects.toThrow(
      `gateway: no active gateway with id "${monitor.id}"`,
    );
    await expect(createDevice({ type: "wearable", gatewayId: "nope" })).rejects.toThrow('gateway: no active gateway with id "nope"');
  });
});
