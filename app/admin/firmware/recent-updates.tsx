// The rollout log: the most recently changed device updates with the state each device reported.
import { formatUtc, UpdateState } from "../devices/device-badges";

type Row = { id: string; deviceId: string; state: string; detail: string | null; updatedAt: string; package: { deviceType: string; version: string } };

export function RecentUpdates({ updates }: { updates: Row[] }) {
  if (updates.length === 0) return <p className="mt-3 text-sm text-ink-muted">No updates assigned yet.</p>;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Recent firmware updates</caption>
        <thead className="bg-panel text-ink-muted">
          <tr>
            {["Changed", "Device", "Package", "State", "Detail"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {updates.map((u) => (
            <tr key={u.id} className="border-t border-line">
              <td className="px-3 py-1.5 whitespace-nowrap tabular">{formatUtc(u.updatedAt)}</td>
              <td className="px-3 py-1.5 font-mono">{u.deviceId}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{`${u.package.deviceType} ${u.package.version}`}</td>
              <td className="px-3 py-1.5">
                <UpdateState state={u.state} detail={u.detail} />
              </td>
              <td className="px-3 py-1.5 text-xs text-ink-muted">{u.detail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
