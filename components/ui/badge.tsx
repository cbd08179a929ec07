// A small label chip in an alarm colour (IEC 60601-1-8: red high, yellow medium, cyan low and technical)
// or outlined for maintenance states. Steady: flashing is for live patient alarms only.
import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  high: "badge-high",
  medium: "badge-medium",
  inop: "badge-inop",
  "outline-high": "border border-alarm-high text-alarm-high",
  "outline-medium": "border border-alarm-medium text-alarm-medium",
  "outline-low": "border border-alarm-low text-alarm-low",
  "outline-accent": "border border-accent text-accent",
  flagged: "border-2 border-alarm-high text-alarm-high",
  muted: "border border-line-strong text-ink-muted",
} as const;

export type BadgeTone = keyof typeof TONES;

const CHIP = "inline-block rounded px-1.5 py-0.5 text-xs font-semibold tracking-wide whitespace-nowrap";

export function badgeClass(tone: BadgeTone, className?: string): string {
  return cn(CHIP, TONES[tone], className);
}

export function Badge({ tone, title, className, children }: { tone: BadgeTone; title?: string; className?: string; children: ReactNode }) {
  return (
    <span className={badgeClass(tone, className)} title={title}>
      {children}
    </span>
  );
}
