"use client";
// The status of each asset shown (the filters apply), nearest to the top of the list when searched; at most
// 200 rows (narrow the filters for more), each with its room, since when, and its 24 h trail.
import { memo } from "react";
import { formatUtc } from "@/components/ui/time";
import { buttonClass } from "@/components/ui/button";
import { assetLabel, classLabel, statusLabel, STATUS_COLOR, type AssetItem } from "@/components/assets/asset-types";

const MAX_ROWS = 200;

export const AssetList = memo(function AssetList({ assets, onTrail }: { assets: readonly AssetItem[]; onTrail: (id: string) => void }) {
  const shown = assets.slice(0, MAX_ROWS);
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Assets">
        <thead className="text-ink-muted">
          <tr>
            <th className="py-1 pr-3">Asset</th>
            <th className="py-1 pr-3">Class</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1 pr-3">Room</th>
            <th className="py-1 pr-3">Since (UTC)</th>
            <th className="py-1" />
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <AssetRow key={a.id} a={a} onTrail={onTrail} />
          ))}
        </tbody>
      </table>
      {assets.length > MAX_ROWS && <p className="mt-2 text-sm text-ink-muted">and {assets.length - MAX_ROWS} more: narrow the filters.</p>}
    </div>
  );
});

const AssetRow = memo(function AssetRow({ a, onTrail }: { a: AssetItem; onTrail: (id: string) => void }) {
  return (
    <tr className="border-t border-line" data-asset-row={a.id}>
      <td className="py-1 pr-3 font-medium">{assetLabel(a)}</td>
      <td className="py-1 pr-3">{classLabel(a.class)}</td>
      <td className="py-1 pr-3">
        <span className="inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: STATUS_COLOR[a.status] }} />{" "}
        {statusLabel(a.status)}
        {a.state === "moving" ? " · moving" : ""}
      </td>
      <td className="py-1 pr-3" data-testid="asset-room">
        {a.roomName ?? "unknown"}
      </td>
      <td className="py-1 pr-3 text-ink-muted">{a.since ? formatUtc(a.since) : "-"}</td>
      <td className="py-1">
        <button type="button" className={buttonClass("small")} onClick={() => onTrail(a.id)}>
          Trail
        </button>
      </td>
    </tr>
  );
});
