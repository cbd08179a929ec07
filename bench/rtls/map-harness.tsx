// The map page's live layer alone, for bench:rtls in Chromium: the real floor plan (components/assets
// FloorPlanSvg), status list and live hook (useLiveAssets over the tab's Socket.IO client, each payload
// checked against its schema, applied once per animation frame), fed by the bench's Socket.IO server.
import { createRoot } from "react-dom/client";
import { useEffect, useMemo } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { FloorPlanSvg } from "@/components/assets/floor-plan";
import { useLiveAssets } from "@/components/assets/use-live-assets";
import { useSocketEvent } from "@/components/live/use-live-socket";
import type { AssetItem, FloorPlan } from "@/components/assets/asset-types";
import { AssetList } from "@/app/assets/asset-list";

type BenchData = { floors: FloorPlan[]; assets: AssetItem[] };
declare global {
  interface Window {
    __BENCH__: BenchData;
    __moves: number;
    __rendered: number;
  }
}

// Stable callbacks, as the page's state setters are.
const noop = () => undefined;
const NO_TRAIL: string[] = [];

function Harness({ data }: { data: BenchData }) {
  const floorIds = useMemo(() => data.floors.map((f) => f.id), [data]);
  const names = useMemo(() => new Map(data.floors.flatMap((f) => f.rooms.map((r) => [r.id, r.name] as const))), [data]);
  const live = useLiveAssets(data.assets, floorIds, names);
  useSocketEvent("asset:location", () => {
    window.__moves++;
  });
  const all = useMemo(() => [...live.assets.values()], [live.assets]);
  useEffect(() => {
    window.__rendered = live.version;
  }, [live.version]);
  return (
    <div>
      {data.floors.map((f) => (
        <FloorPlanSvg
          key={f.id}
          floor={f}
          assets={all.filter((a) => a.floorId === f.id)}
          highlight={null}
          selectedRoom={null}
          trail={NO_TRAIL}
          onRoom={noop}
          onAsset={noop}
        />
      ))}
      {location.search.includes("nolist") ? null : <AssetList assets={all} onTrail={noop} />}
    </div>
  );
}

window.__moves = 0;
window.__rendered = -1;
createRoot(document.getElementById("root")!).render(
  <QueryClientProvider client={new QueryClient()}>
    <Harness data={window.__BENCH__} />
  </QueryClientProvider>,
);
