// A warning for wards with nobody on duty now (charge nurse or physician on call): escalation would find
// nobody at that level. Server component; on the admin pages (every ward) and on a ward screen (its ward).
import { getDatabase } from "@/lib/db/database";
import { DUTY_LABELS, findDutyGaps } from "@/lib/duty/on-duty";

export async function DutyGapBanner({ wardId }: { wardId?: string }) {
  const gaps = await findDutyGaps((await getDatabase()).sql, new Date(), wardId);
  if (gaps.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="duty-gap"
      className="mx-auto max-w-[120rem] rounded border border-alarm-medium bg-alarm-medium-bg px-4 py-2 text-sm text-ink"
    >
      {gaps.map((g) => (
        <p key={g.wardId}>
          <strong>Nobody on duty</strong> on {g.wardCode} as {g.duties.map((d) => DUTY_LABELS[d].toLowerCase()).join(" and ")}: escalation
          skips that level.
          {wardId ? " Tell the charge nurse or an administrator." : " Set the duty roster below."}
        </p>
      ))}
    </div>
  );
}
