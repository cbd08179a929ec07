// Alerting settings from the environment (lib/env.ts): escalation delay per priority and the NEWS2
// freshness window.
import "server-only";
import { env } from "@/lib/env";
import type { AlertPriority } from "@/lib/events";

export type AlertingConfig = {
  escalationMs: Record<AlertPriority, number>;
  news2WindowMs: number;
};

export function alertingConfig(): AlertingConfig {
  const e = env();
  return {
    escalationMs: {
      high: e.ALERT_ESCALATION_HIGH_S * 1000,
      medium: e.ALERT_ESCALATION_MEDIUM_S * 1000,
      low: e.ALERT_ESCALATION_LOW_S * 1000,
      technical: e.ALERT_ESCALATION_TECHNICAL_S * 1000,
    },
    news2WindowMs: e.NEWS2_FRESHNESS_MIN * 60_000,
  };
}
