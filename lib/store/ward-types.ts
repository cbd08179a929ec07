// Shapes the ward dashboard receives (client-safe).
import type { MetricKey } from "@/lib/domain/metrics";

export type LatestValue = { v: number; t: string };

export type BedTile = {
  bedId: string;
  label: string;
  patient: { id: string; name: string; mrn: string; age: number; spo2Scale: 1 | 2 } | null;
  latest: Partial<Record<MetricKey, LatestValue>>;
  /** Heart rate over the last minutes, downsampled, oldest first (t in epoch ms). */
  sparkline: { t: number; v: number }[];
  devices: { id: string; type: string; status: "active" | "revoked"; lastSeenAt: string | null }[];
};

export type WardSnapshot = {
  ward: { id: string; code: string; name: string };
  generatedAt: string;
  sparklineMinutes: number;
  beds: BedTile[];
};
