"use client";
// The asset map screen: floor tabs, filters by class and status, the nearest search, the live floor plan,
// an asset's 24 h trail and the status list. Live through the tab's socket (components/assets/use-live-assets).
import { useCallback, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ASSET_CLASS_KEYS, ASSET_STATUSES, type AssetStatus } from "@/lib/assets/asset-types";
import { getJson } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import { Select } from "@/components/ui/select";
import { formatUtc } from "@/components/ui/time";
import { ConnectionBadge } from "@/components/live/connection-badge";
import { useLiveSocket } from "@/components/live/use-live-socket";
import { FloorPlanSvg } from "@/components/assets/floor-plan";
import { useLiveAssets } from "@/components/assets/use-live-assets";
import {
  assetLabel,
  classLabel,
  statusLabel,
  STATUS_COLOR,
  trailAnswerSchema,
  type AssetItem,
  type FloorPlan,
  type NearestAnswer,
} from "@/components/assets/asset-types";
import { AssetSearch } from "./asset-search";
import { AssetList } from "./asset-list";
import { recordRoomOpened } from "./actions";

export function AssetMapView({ floors, initialAssets }: { floors: FloorPlan[]; initialAssets: AssetItem[] }) {
  const floorIds = useMemo(() => floors.map((f) => f.id), [floors]);
  const roomNames = useMemo(() => new Map(floors.flatMap((f) => f.rooms.map((r) => [r.id, r.name] as const))), [floors]);
  const live = useLiveAssets(initialAssets, floorIds, roomNames);
  const connection = useLiveSocket();
  const [floorId, setFloorId] = useState(floors[0]?.id ?? "");
  const [cls, setCls] = useState("");
  const [status, setStatus] = useState("");
  const [highlight, setHighlight] = useState<string | null>(null);
  const [selectedRoom, setSelectedRoom] = useState<string | null>(null);
  const [trailOf, setTrailOf] = useState<string | null>(null);
  const [search, setSearch] = useState<NearestAnswer | null>(null);
  const floor = floors.find((f) => f.id === floorId) ?? floors[0];

  const filtered = useMemo(
    () => [...live.assets.values()].filter((a) => (!cls || a.class === cls) && (!status || a.status === status)),
    [live.assets, cls, status],
  );
  const onFloor = useMemo(() => filtered.filter((a) => a.floorId === floor?.id), [filtered, floor]);
  const inRoom = selectedRoom ? onFloor.filter((a) => a.roomId === selectedRoom) : null;

  const trail = useQuery({
    queryKey: trailOf ? queryKeys.assetTrail(trailOf) : ["assets", "trail", "none"],
    enabled: trailOf !== null,
    queryFn: ({ signal }) => getJson(`/api/v1/assets/${encodeURIComponent(trailOf!)}/trail`, trailAnswerSchema, signal),
  });
  const trailRooms = useMemo(
    () => (trail.data ? trail.data.trail.filter((p) => p.floorId === floor?.id).map((p) => p.roomId) : []),
    [trail.data, floor],
  );

  const openRoom = useCallback(
    (roomId: string) => {
      setSelectedRoom(roomId);
      if (search && search.assets.some((a) => a.roomId === roomId)) void recordRoomOpened({ searchId: search.searchId, roomId });
    },
    [search],
  );
  const onFound = useCallback((r: NearestAnswer) => {
    setSearch(r);
    const first = r.assets[0];
    setHighlight(first?.id ?? null);
    if (first?.floorId) setFloorId(first.floorId);
  }, []);
  const onAsset = useCallback(
    (assetId: string) => {
      const a = live.assets.get(assetId);
      setHighlight(assetId);
      if (a?.roomId) openRoom(a.roomId);
    },
    [live.assets, openRoom],
  );
  const places = useMemo(() => floors.flatMap((f) => f.rooms.flatMap((r) => [...r.beds, r.id])), [floors]);

  if (!floor)
    return (
      <p className="mt-6 text-ink-muted">
        No floor plans in your scope yet. An administrator imports them (PUT /api/v1/floors/&#123;id&#125;).
      </p>
    );
  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div role="tablist" aria-label="Floors" className="flex gap-1">
          {floors.map((f) => (
            <button
              key={f.id}
              role="tab"
              aria-selected={f.id === floor.id}
              onClick={() => setFloorId(f.id)}
              className={`rounded px-3 py-1 text-sm ${f.id === floor.id ? "bg-panel-raised text-ink" : "text-ink-muted"}`}
            >
              {f.name}
            </button>
          ))}
        </div>
        <label className="text-sm">
          <span className="block text-ink-muted">Class</span>
          <Select
            aria-label="Filter by class"
            value={cls}
            onChange={(e) => setCls(e.target.value)}
            placeholder="All classes"
            options={ASSET_CLASS_KEYS.map((c) => ({ value: c, label: classLabel(c) }))}
          />
        </label>
        <label className="text-sm">
          <span className="block text-ink-muted">Status</span>
          <Select
            aria-label="Filter by status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            placeholder="Any status"
            options={ASSET_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          />
        </label>
        <ConnectionBadge status={connection.status} error={connection.error} onReload={() => window.location.reload()} />
        <Legend />
      </div>
      <AssetSearch
        places={places}
        onFound={onFound}
        onOpen={(_, assetId, roomId) => {
          setHighlight(assetId);
          const a = search?.assets.find((x) => x.id === assetId);
          if (a?.floorId) setFloorId(a.floorId);
          openRoom(roomId);
        }}
      />
      <div className="grid gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(16rem,1fr)]">
        <div className="rounded border border-line bg-panel p-2">
          <FloorPlanSvg
            floor={floor}
            assets={onFloor}
            highlight={highlight}
            selectedRoom={selectedRoom}
            trail={trailRooms}
            onRoom={openRoom}
            onAsset={onAsset}
          />
          <p className="px-1 text-xs text-ink-muted">
            {onFloor.length} of {filtered.length} assets on this floor
            {live.lastMoveAt ? ` · last move ${new Date(live.lastMoveAt).toISOString().slice(11, 19)} UTC` : ""}
          </p>
        </div>
        <aside className="space-y-3 text-sm">
          {inRoom && (
            <section aria-label="Room" className="rounded border border-line bg-panel p-3">
              <h2 className="font-semibold">{roomNames.get(selectedRoom!) ?? selectedRoom}</h2>
              <ul className="mt-1" data-testid="room-assets">
                {inRoom.length === 0 && <li className="text-ink-muted">No assets shown here.</li>}
                {inRoom.map((a) => (
                  <li key={a.id}>
                    <button type="button" className="underline" onClick={() => setTrailOf(a.id)}>
                      {assetLabel(a)}
                    </button>{" "}
                    · {statusLabel(a.status)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {trailOf && (
            <section aria-label="Trail" className="rounded border border-line bg-panel p-3">
              <h2 className="font-semibold">Last 24 h of {assetLabel(live.assets.get(trailOf) ?? { name: null, tagId: trailOf })}</h2>
              {trail.isPending && <p className="text-ink-muted">Loading…</p>}
              <ol className="mt-1 max-h-64 overflow-y-auto">
                {trail.data?.trail.map((p, i) => (
                  <li key={i}>
                    {formatUtc(p.at)} · {p.roomName ?? p.roomId}
                    {p.state === "missing" ? " (lost)" : ""}
                  </li>
                ))}
                {trail.data?.trail.length === 0 && <li className="text-ink-muted">No change of room in the last 24 h.</li>}
              </ol>
            </section>
          )}
        </aside>
      </div>
      <AssetList assets={filtered} onTrail={setTrailOf} />
    </div>
  );
}

function Legend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-ink-muted" aria-label="Legend">
      {(ASSET_STATUSES as readonly AssetStatus[]).map((s) => (
        <li key={s}>
          <span className="inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: STATUS_COLOR[s] }} /> {statusLabel(s)}
        </li>
      ))}
    </ul>
  );
}
