// Sorting and paging of the device registry, done on the server after filtering (the firmware filter and
// the summary need the whole filtered set, at most a few thousand rows): the page sends one page of rows.
// Sort keys: name (device id), type, status (offline, unknown, online, then revoked), last seen, service
// due (an open "Service due" alarm or the asset's service date). Devices without a value sort last in
// either direction; ties go by id. Pure; client-safe.
import { z } from "zod";

export const REGISTRY_SORTS = ["name", "type", "status", "lastSeen", "serviceDue"] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];
export const REGISTRY_PAGE_SIZES = [25, 50, 100] as const;
export const REGISTRY_DEFAULT_PAGE_SIZE = 25;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** URL search params of the registry's order and page; anything malformed falls back to the default. */
export const registryPagingSchema = z.object({
  sort: z.preprocess(first, z.enum(REGISTRY_SORTS).catch("name")).default("name"),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).catch("asc")).default("asc"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
  size: z
    .preprocess(
      first,
      z.coerce
        .number()
        .refine((n) => (REGISTRY_PAGE_SIZES as readonly number[]).includes(n))
        .catch(REGISTRY_DEFAULT_PAGE_SIZE),
    )
    .default(REGISTRY_DEFAULT_PAGE_SIZE),
});
export type RegistryPaging = z.infer<typeof registryPagingSchema>;

export type SortableDevice = {
  id: string;
  typeLabel: string;
  status: "active" | "revoked";
  connectivity: "online" | "offline" | "unknown";
  lastSeenAt: string | null;
  serviceDueAt: string | null;
};

const STATUS_RANK = { offline: 0, unknown: 1, online: 2 } as const;

function keyOf(d: SortableDevice, sort: RegistrySort): string | number | null {
  switch (sort) {
    case "name":
      return d.id;
    case "type":
      return d.typeLabel;
    case "status":
      return d.status === "revoked" ? 3 : STATUS_RANK[d.connectivity];
    case "lastSeen":
      return d.lastSeenAt ? Date.parse(d.lastSeenAt) : null;
    case "serviceDue":
      return d.serviceDueAt ? Date.parse(d.serviceDueAt) : null;
  }
}

export function sortDevices<T extends SortableDevice>(devices: readonly T[], sort: RegistrySort, dir: "asc" | "desc"): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const byId = (a: T, b: T) => a.id.localeCompare(b.id, undefined, { numeric: true });
  return [...devices].sort((a, b) => {
    const ka = keyOf(a, sort);
    const kb = keyOf(b, sort);
    if (ka === null || kb === null) return ka === kb ? byId(a, b) : ka === null ? 1 : -1;
    const c =
      typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb), undefined, { numeric: true });
    return c !== 0 ? sign * c : byId(a, b);
  });
}

export type RegistryPage<T> = { rows: T[]; page: number; pages: number; total: number; size: number };

/** One page of the sorted devices; a page past the end shows the last page. */
export function pageDevices<T extends SortableDevice>(devices: readonly T[], p: RegistryPaging): RegistryPage<T> {
  const sorted = sortDevices(devices, p.sort, p.dir);
  const pages = Math.max(1, Math.ceil(sorted.length / p.size));
  const page = Math.min(p.page, pages);
  return { rows: sorted.slice((page - 1) * p.size, page * p.size), page, pages, total: sorted.length, size: p.size };
}
