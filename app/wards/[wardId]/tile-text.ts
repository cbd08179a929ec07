// Text that must fit a bed tile (pure): the alarm banner and, only on the densest tiles, the patient's
// name. Shortened by meaning, never cut mid-word: the tile already names the bed, so "Device mon-4e-12
// offline: no data" becomes "Device offline: no data"; clock times and limits go before the finding does.

/** Steps tried in order until the message fits; each keeps what a nurse needs first. */
const ALARM_STEPS: ((s: string) => string)[] = [
  // The device id: the tile is the bed, the queue and the patient page name the device.
  (s) => s.replace(/^(Device|Pump|Monitor)\s+\S+\s+/i, (_m, kind: string) => `${kind} `),
  (s) => s.replace(/^Sustained deterioration trend \((.*)\)/, "Deterioration: $1"),
  (s) => s.replace(/\s+since \d{1,2}:\d{2}( UTC)?/g, ""),
  (s) => s.replace(/:\s*(urgent review within the hour|urgent review|emergency assessment)$/, ""),
  // "NEWS2 single parameter scores 3 (SpO₂, RR), total 6" → "NEWS2 6: SpO₂, RR score 3"
  (s) =>
    s.replace(/^NEWS2 single parameter scores 3 \(([^)]*)\)(?:, total (\d+))?/, (_m, params: string, total?: string) => {
      const verb = params.includes(",") ? "score" : "scores";
      return `NEWS2${total ? ` ${total}` : ""}: ${params} ${verb} 3`;
    }),
  (s) => s.replace(/\s*\((below|above) [^)]*\)/g, ""),
  (s) => s.replace(/\s*\([^)]*\)/g, ""),
  // Shorter words for the same thing, as a monitor prints them.
  (s) =>
    s
      .replace(/\bcritically\b/g, "crit.")
      .replace(/\bimplausible\b/g, "implaus.")
      .replace(/\bResp\. rate\b/g, "RR")
      .replace(/\bBP systolic\b/g, "SBP")
      .replace(/\bBP diastolic\b/g, "DBP")
      .replace(/\bPulse\b/g, "HR")
      .replace(/\bDeterioration\b/g, "Deterior.")
      .replace(/,\s+/g, " ")
      .replace(/:\s+(?=[\d-])/g, " "),
];

/** What a central station prints when even the shortened message is too long, by rule, longest first. */
function ruleLabels(rule: string, text: string): string[] {
  if (rule === "tech.offline") return ["Device offline", "Offline"];
  if (rule === "tech.battery") return ["Battery low", "Batt. low"];
  if (rule.startsWith("tech.artifact.")) return ["Check sensor", "Sensor?"];
  if (rule === "trend.deterioration") return ["Deterior. trend", "Trend"];
  if (rule === "news2.high" || rule === "news2.medium") {
    const total = /^NEWS2 (\d+)/.exec(text)?.[1];
    return total ? [`NEWS2 ${total}`] : ["NEWS2 single 3", "NEWS2 3"];
  }
  return [];
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * The banner text for a tile: the message as it is when it fits, else shortened step by step, else the
 * rule's short label (when it has one), else whole words and an ellipsis.
 */
export function abbreviateAlarm(message: string, maxChars: number, rule?: string | null): string {
  let text = collapse(message);
  // The device id never helps on a bed tile; the rest only goes when space runs out.
  text = collapse(ALARM_STEPS[0]!(text));
  for (const step of ALARM_STEPS.slice(1)) {
    if (text.length <= maxChars) return text;
    text = collapse(step(text));
  }
  if (text.length <= maxChars) return text;
  const label = (rule ? ruleLabels(rule, text) : []).find((l) => l.length <= maxChars);
  if (label) return label;
  // Still too long: whole words up to the limit, with an ellipsis.
  const words = text.split(" ");
  let out = "";
  for (const w of words) {
    if ((out ? out.length + 1 : 0) + w.length > maxChars - 1) break;
    out = out ? `${out} ${w}` : w;
  }
  return `${out || text.slice(0, maxChars - 1)}…`;
}

/**
 * The name on a tile: in full when it fits `maxChars`, else the given names as initials and the family
 * name in full ("A. M. Hughes-Whitfield"), else the family name alone. The full name stays in the title.
 */
export function tileName(name: string, maxChars: number): string {
  const full = collapse(name);
  if (full.length <= maxChars) return full;
  const parts = full.split(" ");
  if (parts.length < 2) return full;
  const family = parts[parts.length - 1]!;
  const initials = parts
    .slice(0, -1)
    .map((p) => `${p[0]!.toUpperCase()}.`)
    .join(" ");
  const short = `${initials} ${family}`;
  return short.length <= maxChars ? short : family;
}

/** Characters of bold `fontPx` text that surely fit `widthPx` (an average bold glyph is under ~0.62 em). */
export function charsThatFit(widthPx: number, fontPx: number): number {
  return Math.max(4, Math.floor(widthPx / (fontPx * 0.62)));
}
