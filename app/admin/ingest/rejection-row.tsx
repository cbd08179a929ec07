// One quarantined frame in the admin ingest table: long reasons and payloads fold behind <details>.
import { UtcTime } from "@/components/ui/time";
import type { RejectionView } from "@/lib/ingest/list-rejections";

const PREVIEW = 160;

function Folded({ text }: { text: string }) {
  if (text.length <= PREVIEW) return <>{text}</>;
  return (
    <details>
      <summary className="cursor-pointer">{text.slice(0, PREVIEW)}…</summary>
      {text}
    </details>
  );
}

export function RejectionRow({ rejection: r }: { rejection: RejectionView }) {
  return (
    <tr className="border-t border-line align-top">
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        <UtcTime iso={r.receivedAt} precision="millisecond" />
      </td>
      <td className="px-3 py-2 font-mono whitespace-nowrap">{r.deviceId ?? <span className="text-ink-faint">unknown</span>}</td>
      <td className="px-3 py-2">
        <div className="uppercase">{r.transport}</div>
        {r.topic && <div className="font-mono text-xs text-ink-muted">{r.topic}</div>}
      </td>
      <td className="max-w-md px-3 py-2 text-alarm-medium">
        <Folded text={r.reason} />
      </td>
      <td className="max-w-xl px-3 py-2 font-mono text-xs break-all text-ink-muted">
        {r.payload ? <Folded text={r.payload} /> : <span className="text-ink-faint">—</span>}
      </td>
    </tr>
  );
}
