// NEWS2 alarm rules (pure), RCP 2017 response bands: total 5–6 → medium; total ≥ 7 or any single
// parameter scoring 3 → high. A single 3 is known even from an incomplete set; otherwise an incomplete
// set judges nothing (missing is never 0). NEWS2 is derived, so its confirmation runs on the clock.
import type { News2Result } from "@/lib/domain/news2";
import { METRICS } from "@/lib/domain/metrics";
import { finding, type Finding, type PatientState } from "./rule-types";

/** NEWS2 must stay in a band this long before the alarm is raised (cuts one-sample blips). */
export const NEWS2_CONFIRM_MS = 15_000;

function threes(result: News2Result): string {
  return Object.entries(result.components)
    .filter(([, s]) => s === 3)
    .map(([k]) => (k in METRICS ? METRICS[k as keyof typeof METRICS].label : k))
    .join(", ");
}

export function evaluateNews2Rules(patient: PatientState, result: News2Result, now: number): Finding[] {
  const out: Finding[] = [];
  const total = result.total;
  const high = (total !== null && total >= 7) || result.anySingleThree;
  const highMessage =
    total !== null && total >= 7
      ? `NEWS2 ${total}: emergency assessment`
      : `NEWS2 single parameter scores 3 (${threes(result)})${total !== null ? `, total ${total}` : ""}: urgent review`;
  if (high || result.complete) {
    out.push(
      finding(high ? "violated" : "normal", now, NEWS2_CONFIRM_MS, {
        patientId: patient.patientId,
        wardId: patient.wardId,
        deviceId: null,
        rule: "news2.high",
        priority: "high",
        message: highMessage,
        value: total,
      }),
    );
  }
  // With the high rule violated the medium one is superseded: left as it is, neither raised nor cleared.
  if (result.complete && total !== null && !high) {
    const medium = total >= 5 && total <= 6;
    out.push(
      finding(medium ? "violated" : "normal", now, NEWS2_CONFIRM_MS, {
        patientId: patient.patientId,
        wardId: patient.wardId,
        deviceId: null,
        rule: "news2.medium",
        priority: "medium",
        message: `NEWS2 ${total}: urgent review within the hour`,
        value: total,
      }),
    );
  }
  return out;
}
