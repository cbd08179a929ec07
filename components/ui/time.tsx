// Times on screen. UTC times are formatted from the ISO text itself, so the server render and the
// browser agree (no hydration mismatch) and integrators read them unambiguously: "2026-11-23 18:00".

export type UtcPrecision = "minute" | "second" | "millisecond";
const END: Record<UtcPrecision, number> = { minute: 16, second: 19, millisecond: 23 };

/** "2026-11-23 18:00" (or with seconds, milliseconds); `zone` appends " UTC". `iso` must be UTC ISO 8601. */
export function formatUtc(iso: string, opts: { precision?: UtcPrecision; zone?: boolean } = {}): string {
  const text = `${iso.slice(0, 10)} ${iso.slice(11, END[opts.precision ?? "minute"])}`;
  return opts.zone ? `${text} UTC` : text;
}

/** A UTC time as a <time> element. */
export function UtcTime({
  iso,
  precision,
  zone,
  className,
}: {
  iso: string;
  precision?: UtcPrecision;
  zone?: boolean;
  className?: string;
}) {
  return (
    <time dateTime={iso} className={className}>
      {formatUtc(iso, { precision, zone })}
    </time>
  );
}

/** "12 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" without a time. */
export function formatTimeAgo(iso: string | null, now: number): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}
