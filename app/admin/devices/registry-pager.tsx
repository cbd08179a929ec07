// The registry's order and pages as links (URL search params, so a sorted page can be bookmarked and works
// without JavaScript): sortable column headers and a pager. Filters in the URL are kept.
import Link from "next/link";
import type { RegistryPage, RegistryPaging, RegistrySort } from "@/lib/devices/registry-paging";
import { REGISTRY_DEFAULT_PAGE_SIZE } from "@/lib/devices/registry-paging";

export type RegistryQuery = Record<string, string | undefined>;

export function registryHref(filters: RegistryQuery, paging: Partial<RegistryPaging>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (paging.sort && paging.sort !== "name") q.set("sort", paging.sort);
  if (paging.dir && paging.dir !== "asc") q.set("dir", paging.dir);
  if (paging.size && paging.size !== REGISTRY_DEFAULT_PAGE_SIZE) q.set("size", String(paging.size));
  if (paging.page && paging.page > 1) q.set("page", String(paging.page));
  const s = q.toString();
  return s ? `/admin/devices?${s}` : "/admin/devices";
}

/** A column header that sorts by `sort` (ascending first; again to reverse), back to page 1. */
export function SortHeader({
  label,
  sort,
  filters,
  paging,
}: {
  label: string;
  sort: RegistrySort;
  filters: RegistryQuery;
  paging: RegistryPaging;
}) {
  const active = paging.sort === sort;
  const dir = active && paging.dir === "asc" ? "desc" : "asc";
  return (
    <Link
      href={registryHref(filters, { ...paging, sort, dir, page: 1 })}
      className={`hover:underline ${active ? "text-ink" : ""}`}
      aria-label={`Sort by ${label.toLowerCase()}${active ? ` (now ${paging.dir === "asc" ? "ascending" : "descending"})` : ""}`}
      data-testid={`sort-${sort}`}
    >
      {label}
      {active && <span aria-hidden="true">{paging.dir === "asc" ? " ▲" : " ▼"}</span>}
    </Link>
  );
}

export function RegistryPager({ page, filters, paging }: { page: RegistryPage<unknown>; filters: RegistryQuery; paging: RegistryPaging }) {
  const from = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const to = Math.min(page.total, page.page * page.size);
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center gap-4 text-sm">
      {page.page > 1 && (
        <Link href={registryHref(filters, { ...paging, page: page.page - 1 })} className="text-accent hover:underline">
          ← Previous
        </Link>
      )}
      <span className="text-ink-muted" data-testid="registry-range">
        {from}–{to} of {page.total} devices · page {page.page} of {page.pages}
      </span>
      {page.page < page.pages && (
        <Link href={registryHref(filters, { ...paging, page: page.page + 1 })} className="text-accent hover:underline">
          Next →
        </Link>
      )}
    </nav>
  );
}
