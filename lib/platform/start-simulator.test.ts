import { describe, expect, it } from "vitest";
import { BACKFILL_MS, seedForDevice } from "@/lib/simulator/equipment-source";
import { HOME_BACKFILL_MS } from "@/lib/simulator/run-home";
import { simulatorRoster, type SimulatedDeviceRow } from "./start-simulator";

const created = new Date("2026-11-23T09:00:00.000Z");
const row = (id: string, type: string, bed: SimulatedDeviceRow["bed"] = null): SimulatedDeviceRow => ({
  id,
  type,
  createdAt: created,
  bed,
});

describe("simulatorRoster", () => {
  it("plays monitors by bed and equipment by its demo script, backfilling only a device that never reported", () => {
    const rows = [
      row("env-fridge-4e-meds", "env_sensor"),
      row("env-other", "env_sensor"),
      row("mon-4e-03", "bedside_monitor", { ward: "4E", label: "3" }),
      row("mon-4e-04", "bedside_monitor", { ward: "4E", label: "4" }),
      row("mon-spare", "bedside_monitor"),
      row("pump-0002", "infusion_pump"),
      row("pump-0003", "infusion_pump"),
    ];
    const { monitors, equipment } = simulatorRoster(
      rows,
      new Map([
        ["mon-4e-03", 500],
        ["pump-0003", 1200],
      ]),
    );
    expect(monitors).toEqual([
      // the deteriorating patient's decline began before start; only a monitor that never reported uploads its day
      { deviceId: "mon-4e-03", startSeq: 501, scenario: "deteriorating", seed: 1000, clockAtStartMs: 25 * 60_000, backfillMs: 0 },
      { deviceId: "mon-4e-04", startSeq: 1, scenario: "stable", seed: 1001, clockAtStartMs: 0, backfillMs: BACKFILL_MS },
      { deviceId: "mon-spare", startSeq: 1, scenario: "stable", seed: 1002, clockAtStartMs: 0, backfillMs: BACKFILL_MS },
    ]);
    expect(equipment).toEqual([
      {
        deviceId: "env-fridge-4e-meds",
        startSeq: 1,
        scenario: "fridge-warm",
        seed: seedForDevice("env-fridge-4e-meds"),
        anchorMs: created.getTime(),
        backfillMs: BACKFILL_MS,
      },
      {
        deviceId: "env-other",
        startSeq: 1,
        scenario: "fridge-healthy",
        seed: seedForDevice("env-other"),
        anchorMs: created.getTime(),
        backfillMs: BACKFILL_MS,
      },
      {
        deviceId: "pump-0002",
        startSeq: 1,
        scenario: "pump-failing",
        seed: seedForDevice("pump-0002"),
        anchorMs: created.getTime(),
        backfillMs: BACKFILL_MS,
      },
      {
        deviceId: "pump-0003",
        startSeq: 1201,
        scenario: "pump-healthy",
        seed: seedForDevice("pump-0003"),
        anchorMs: created.getTime(),
        backfillMs: 0,
      },
    ]);
  });

  it("plays home devices their home story (14 days of history for one that never reported), without moving the monitors' seeds", () => {
    const rows = [
      row("air-h1003", "home_air_sensor"),
      row("bp-h1002", "bp_cuff"),
      row("cgm-h1001", "cgm"),
      row("inh-h1003-rescue", "smart_inhaler"),
      row("mon-4e-04", "bedside_monitor", { ward: "4E", label: "4" }),
    ];
    const { monitors, equipment, home } = simulatorRoster(rows, new Map([["bp-h1002", 40]]));
    expect(monitors.map((m) => [m.deviceId, m.seed])).toEqual([["mon-4e-04", 1000]]);
    expect(equipment).toEqual([]);
    expect(home.map((h) => [h.deviceId, h.scenario, h.startSeq, h.backfillMs])).toEqual([
      ["air-h1003", "air-pollen-week", 1, HOME_BACKFILL_MS],
      ["bp-h1002", "bp-rising", 41, 0],
      ["cgm-h1001", "cgm-diabetes", 1, HOME_BACKFILL_MS],
      ["inh-h1003-rescue", "inhaler-rescue", 1, HOME_BACKFILL_MS],
    ]);
    expect(home.every((h) => h.anchorMs === created.getTime() && h.seed === seedForDevice(h.deviceId))).toBe(true);
    expect(HOME_BACKFILL_MS).toBe(14 * 86_400_000);
  });
});
