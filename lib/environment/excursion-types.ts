// Shapes of the environment compliance record (vaccine fridges and freezers) shared by server and browser:
// one excursion or logger gap as the API and the /environment page show it, the summary, who may use it,
// and how a kind and a duration read on screen. Client-safe: no server imports.
import type { Role } from "@/lib/auth/principal";
import type { PersonRef } from "@/lib/events";

/** Admin and biomed see every excursion; nurses and physicians those of their wards; patients none. */
export const ENVIRONMENT_ROLES: readonly Role[] = ["admin", "biomed", "nurse", "physician"];

export const EXCURSION_KINDS = ["high", "low", "data_gap"] as const;
export type ExcursionKind = (typeof EXCURSION_KINDS)[number];

export const EXCURSION_KIND_LABEL: Readonly<Record<ExcursionKind, string>> = {
  high: "Above range",
  low: "Below range",
  data_gap: "Logger gap",
};

/** A corrective action is free text, trimmed, 3 to 2000 characters. */
export const CORRECTIVE_ACTION_MIN = 3;
export const CORRECTIVE_ACTION_MAX = 2000;

export type ExcursionView = {
  id: string;
  deviceId: string;
  kind: ExcursionKind;
  /** The device's profile when it happened, e.g. "vaccine_fridge". */
  profile: string;
  /** "Vaccine fridge (2–8 °C)"; null for a profile this version does not know. */
  profileLabel: string | null;
  location: string | null;
  wardId: string | null;
  wardCode: string | null;
  startedAt: string;
  /** Null while ongoing. */
  endedAt: string | null;
  ongoing: boolean;
  /** Ended: end − start; ongoing: now − start. */
  durationMs: number;
  /** Lowest and highest reading during the excursion (°C); null for a logger gap. */
  minC: number | null;
  maxC: number | null;
  alertId: string | null;
  /** State of the linked alarm (active, acknowledged, resolved), when there is one. */
  alertState: string | null;
  correctiveAction: string | null;
  actionBy: PersonRef | null;
  actionAt: string | null;
};

export type ExcursionSummary = {
  /** Length of the window the counts below look at, in days. */
  windowDays: number;
  /** Excursions and logger gaps still going on. */
  open: number;
  /** Temperature excursions (above or below range) that overlap the window. */
  excursions: number;
  /** Logger gaps that overlap the window. */
  gaps: number;
  /** Time out of range within the window (above or below), ms. */
  outOfRangeMs: number;
  /** Excursions and gaps, at any time, without a recorded corrective action. */
  needsAction: number;
};

/** "45 s", "12 min", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${String(min % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
