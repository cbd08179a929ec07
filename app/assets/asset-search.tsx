"use client";
// "Nearest available <class> to <bed or room>": walking distance over the rooms' adjacency (GET
// /api/v1/assets/nearest); each search is logged, and opening a found asset's room ends it (time to locate).
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ASSET_CLASS_KEYS } from "@/lib/assets/asset-types";
import { getJson, HttpError, retryUnlessRefused } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { buttonClass } from "@/components/ui/button";
import { assetLabel, classLabel, nearestAnswerSchema, type NearestAnswer } from "@/components/assets/asset-types";

type Props = {
  places: readonly string[];
  onFound: (a: NearestAnswer) => void;
  onOpen: (searchId: string, assetId: string, roomId: string) => void;
};

export function AssetSearch({ places, onFound, onOpen }: Props) {
  const [assetClass, setAssetClass] = useState<string>("infusion_pump");
  const [near, setNear] = useState("");
  const [asked, setAsked] = useState<{ assetClass: string; near: string; n: number } | null>(null);
  const query = useQuery({
    queryKey: asked ? queryKeys.assetNearest(asked.assetClass, asked.near, asked.n) : ["assets", "nearest", "none"],
    enabled: asked !== null,
    retry: retryUnlessRefused,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const q = new URLSearchParams({ class: asked!.assetClass, near: asked!.near, status: "available" });
      const r = await getJson(`/api/v1/assets/nearest?${q}`, nearestAnswerSchema, signal);
      onFound(r);
      return r;
    },
  });
  const error =
    query.error instanceof HttpError && query.error.status === 400
      ? `No bed or room "${asked?.near}" on the plans.`
      : query.error
        ? "The search failed; try again."
        : null;
  return (
    <section aria-label="Find the nearest" className="rounded border border-line bg-panel p-3">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (near.trim()) setAsked({ assetClass, near: near.trim(), n: (asked?.n ?? 0) + 1 });
        }}
      >
        <label className="text-sm">
          <span className="block text-ink-muted">Nearest available</span>
          <Select
            aria-label="Asset class"
            value={assetClass}
            onChange={(e) => setAssetClass(e.target.value)}
            options={ASSET_CLASS_KEYS.map((c) => ({ value: c, label: classLabel(c) }))}
          />
        </label>
        <label className="text-sm">
          <span className="block text-ink-muted">to bed or room</span>
          <Input
            aria-label="Bed or room"
            list="asset-places"
            placeholder="4E/7"
            value={near}
            onChange={(e) => setNear(e.target.value)}
            width="w-32"
          />
          <datalist id="asset-places">
            {places.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <button type="submit" className={buttonClass("primary")}>
          Find
        </button>
      </form>
      {error && <p className="mt-2 text-sm text-alarm-medium">{error}</p>}
      {query.data && (
        <ol className="mt-3 space-y-1 text-sm" aria-label="Nearest assets">
          {query.data.assets.length === 0 && <li className="text-ink-muted">None available on the floors you can see.</li>}
          {query.data.assets.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2" data-testid="nearest-result">
              <span className="font-medium">{assetLabel(a)}</span>
              <span className="text-ink-muted">
                {a.roomName ?? a.roomId} · {Math.round(a.distance)} m · {a.path.length - 1} rooms away
              </span>
              <button type="button" className={buttonClass("small")} onClick={() => onOpen(query.data!.searchId, a.id, a.roomId!)}>
                Open room
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
