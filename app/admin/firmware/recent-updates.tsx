// The rollout log: the most recently changed device updates with the state each device reported.
import { UpdateState } from "@/components/devices/device-badges";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc } from "@/components/ui/time";

type Row = {
  id: string;
  deviceId: string;
  state: string;
  detail: string | null;
  updatedAt: string;
  package: { deviceType: string; version: string };
};

export function RecentUpdates({ updates }: { updates: Row[] }) {
  return (
    <DataTable
      caption="Recent firmware updates"
      className="mt-3 overflow-x-auto rounded-lg border border-line"
      thClassName="px-3 py-2 font-medium"
      columns={["Changed", "Device", "Package", "State", "Detail"]}
      rows={updates}
      empty={<EmptyState className="mt-3 text-sm">No updates assigned yet.</EmptyState>}
      row={(u) => (
        <tr key={u.id} className="border-t border-line">
          <td className="px-3 py-1.5 whitespace-nowrap tabular">{formatUtc(u.updatedAt, { zone: true })}</td>
          <td className="px-3 py-1.5 font-mono">{u.deviceId}</td>
          <td className="px-3 py-1.5 font-mono text-xs">{`${u.package.deviceType} ${u.package.version}`}</td>
          <td className="px-3 py-1.5">
            <UpdateState state={u.state} detail={u.detail} />
          </td>
          <td className="px-3 py-1.5 text-xs text-ink-muted">{u.detail ?? ""}</td>
        </tr>
      )}
    />
  );
}
