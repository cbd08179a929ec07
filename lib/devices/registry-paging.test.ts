import { describe, expect, it } from "vitest";
import { pageDevices, registryPagingSchema, sortDevices, type SortableDevice } from "./registry-paging";

const dev = (id: string, o: Partial<SortableDevice> = {}): SortableDevice => ({
  id,
  typeLabel: "Infusion pump",
  status: "active",
  connectivity: "online",
  lastSeenAt: null,
  serviceDueAt: null,
  ...o,
});

describe("registry sort and paging", () => {
  const devices = [
    dev("pump-10", { lastSeenAt: "2026-12-03T10:00:00Z", serviceDueAt: "2026-12-01T00:00:00Z" }),
    dev("pump-2", { connectivity: "offline", lastSeenAt: "2026-12-03T09:00:00Z" }),
    dev("env-1", { typeLabel: "Environment sensor", status: "revoked", lastSeenAt: "2026-12-03T11:00:00Z" }),
    dev("mon-1", { typeLabel: "Bedside monitor", connectivity: "unknown", serviceDueAt: "2026-11-20T00:00:00Z" }),
  ];
  const ids = (s: SortableDevice[]) => s.map((d) => d.id);

  it("sorts by name with numbers in order, and by type", () => {
    expect(ids(sortDevices(devices, "name", "asc"))).toEqual(["env-1", "mon-1", "pump-2", "pump-10"]);
    expect(ids(sortDevices(devices, "name", "desc"))).toEqual(["pump-10", "pump-2", "mon-1", "env-1"]);
    expect(ids(sortDevices(devices, "type", "asc"))).toEqual(["mon-1", "env-1", "pump-2", "pump-10"]);
  });

  it("sorts status offline, unknown, online, revoked", () => {
    expect(ids(sortDevices(devices, "status", "asc"))).toEqual(["pump-2", "mon-1", "pump-10", "env-1"]);
  });

  it("sorts by last seen and service due with missing values last in both directions", () => {
    expect(ids(sortDevices(devices, "lastSeen", "desc"))).toEqual(["env-1", "pump-10", "pump-2", "mon-1"]);
    expect(ids(sortDevices(devices, "lastSeen", "asc"))).toEqual(["pump-2", "pump-10", "env-1", "mon-1"]);
    expect(ids(sortDevices(devices, "serviceDue", "asc"))).toEqual(["mon-1", "pump-10", "env-1", "pump-2"]);
    expect(ids(sortDevices(devices, "serviceDue", "desc"))).toEqual(["pump-10", "mon-1", "env-1", "pump-2"]);
  });

  it("pages 38 rows by 25 and clamps a page past the end", () => {
    const many = Array.from({ length: 38 }, (_, i) => dev(`d-${i + 1}`));
    const p1 = pageDevices(many, { sort: "name", dir: "asc", page: 1, size: 25 });
    expect(p1).toMatchObject({ page: 1, pages: 2, total: 38, size: 25 });
    expect(p1.rows).toHaveLength(25);
    const p2 = pageDevices(many, { sort: "name", dir: "asc", page: 9, size: 25 });
    expect(p2.page).toBe(2);
    expect(ids(p2.rows)).toEqual(Array.from({ length: 13 }, (_, i) => `d-${i + 26}`));
    expect(pageDevices([], { sort: "name", dir: "asc", page: 1, size: 25 })).toMatchObject({ rows: [], page: 1, pages: 1, total: 0 });
  });

  it("reads the URL params, falling back to defaults for anything malformed", () => {
    expect(registryPagingSchema.parse({})).toEqual({ sort: "name", dir: "asc", page: 1, size: 25 });
    expect(registryPagingSchema.parse({ sort: "lastSeen", dir: "desc", page: "3", size: "50" })).toEqual({
      sort: "lastSeen",
      dir: "desc",
      page: 3,
      size: 50,
    });
    expect(registryPagingSchema.parse({ sort: "secret", dir: "up", page: "-1", size: "7" })).toEqual({
      sort: "name",
      dir: "asc",
      page: 1,
      size: 25,
    });
    expect(registryPagingSchema.parse({ sort: ["type", "name"] }).sort).toBe("type");
  });
});
