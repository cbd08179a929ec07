"use client";
// The asset map's live picture: the server's snapshot, then every `asset:location` of the floors shown,
// gathered and applied together at most every FLUSH_MS, on an animation frame (hundreds of moves a second
// cost a few renders a second, so the page stays responsive), and a refetch of the whole list after a
// reconnect (the events are volatile: none is replayed).
import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useRooms, useSocketEvent } from "@/components/live/use-live-socket";
import { getJson } from "@/components/data/fetch-data";
import { queryKeys } from "@/components/data/query-keys";
import type { AssetLocationPayload } from "@/lib/events";
import { assetsAnswerSchema, type AssetItem } from "./asset-types";

/** How long moves are gathered before one render applies them all. */
export const FLUSH_MS = 250;

export type LiveAssets = { assets: ReadonlyMap<string, AssetItem>; version: number; lastMoveAt: number | null };

export function applyLocation(a: AssetItem, e: AssetLocationPayload, roomName: string | null): AssetItem {
  return { ...a, roomId: e.roomId, roomName, floorId: e.floorId, state: e.state, status: e.status, since: e.at };
}

export function useLiveAssets(
  initial: readonly AssetItem[],
  floorIds: readonly string[],
  roomNames: ReadonlyMap<string, string>,
): LiveAssets {
  const pending = useRef<AssetLocationPayload[]>([]);
  const frame = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<LiveAssets>(() => ({ assets: new Map(initial.map((a) => [a.id, a])), version: 0, lastMoveAt: null }));
  const queryClient = useQueryClient();

  const flush = () => {
    frame.current = null;
    const events = pending.current;
    pending.current = [];
    if (!events.length) return;
    const at = Date.now();
    setState((s) => {
      const next = new Map(s.assets);
      for (const e of events) {
        const a = next.get(e.assetId);
        if (a) next.set(e.assetId, applyLocation(a, e, roomNames.get(e.roomId) ?? null));
      }
      return { assets: next, version: s.version + 1, lastMoveAt: at };
    });
  };

  useSocketEvent("asset:location", (e) => {
    pending.current.push(e);
    if (frame.current === null) frame.current = setTimeout(() => requestAnimationFrame(flush), FLUSH_MS);
  });

  const refetch = () => {
    void queryClient
      .fetchQuery({ queryKey: queryKeys.assets, queryFn: ({ signal }) => getJson("/api/v1/assets", assetsAnswerSchema, signal) })
      .then(
        (r) => setState((s) => ({ assets: new Map(r.assets.map((a) => [a.id, a])), version: s.version + 1, lastMoveAt: s.lastMoveAt })),
        () => undefined,
      );
  };
  useRooms("assets", floorIds, { onResync: () => refetch() });
  useEffect(
    () => () => {
      if (frame.current !== null) clearTimeout(frame.current);
    },
    [],
  );
  return state;
}
