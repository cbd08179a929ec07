// What a patient should do about one of their own alerts, in plain language (pure). Keyed by the alert's
// rule (lib/alerts names them "<metric>.<kind>", "glucose.urgent_low", "tech.offline"…); anything unknown
// gets a safe general line. Not medical advice beyond the usual patient-education wording; the care team's
// own plan comes first, and an emergency always means calling emergency services.
export type AlertAdvice = { title: string; whatToDo: string };

const ADVICE: Record<string, AlertAdvice> = {
  "glucose.urgent_low": {
    title: "Urgent low glucose",
    whatToDo:
      "Take 15 g of fast-acting sugar now (glucose tablets, juice or regular soda), check again in 15 minutes and repeat if still under 70. If you feel confused or cannot swallow safely, someone should call emergency services.",
  },
  "glucose.low": {
    title: "Low glucose",
    whatToDo: "Take 15 g of fast-acting sugar and check again in 15 minutes. Eat a snack once you are back above 70.",
  },
  "glucose.fast_fall": {
    title: "Glucose falling fast",
    whatToDo: "Check how you feel and have fast-acting sugar at hand. Check again in 15 minutes; treat if it drops under 70.",
  },
  "glucose.high": {
    title: "High glucose",
    whatToDo:
      "Drink water and follow your plan for highs (correction dose if prescribed). Contact your care team if it stays high for hours or you feel unwell.",
  },
  "bp_sys.critical_high": {
    title: "Very high blood pressure",
    whatToDo:
      "Sit quietly for 5 minutes and measure again. If it is still 180/120 or more, or you have chest pain, shortness of breath, weakness or trouble speaking, call emergency services.",
  },
  "bp_sys.high": {
    title: "High blood pressure",
    whatToDo: "Rest for 5 minutes and measure again, seated with your arm supported. Tell your care team if it stays high.",
  },
  "bp_dia.high": {
    title: "High blood pressure",
    whatToDo: "Rest for 5 minutes and measure again, seated with your arm supported. Tell your care team if it stays high.",
  },
  "bp_sys.low": {
    title: "Low blood pressure",
    whatToDo: "Sit or lie down and drink some water. Contact your care team if you feel faint or it stays low.",
  },
  "tech.offline": {
    title: "A device stopped sending",
    whatToDo: "Check that the device is on, charged and near your phone or hub. Readings are not reaching your care team meanwhile.",
  },
  "tech.battery": {
    title: "Device battery low",
    whatToDo: "Charge the device or replace its battery soon so your readings keep reaching your care team.",
  },
};

const RESCUE: AlertAdvice = {
  title: "Frequent rescue inhaler use",
  whatToDo:
    "Follow your asthma action plan and take your controller inhaler as prescribed. If your rescue inhaler does not help or you struggle to breathe, call emergency services.",
};

const GENERAL: AlertAdvice = {
  title: "Alert",
  whatToDo:
    "Check how you feel and follow your care plan. Contact your care team if you are unsure; in an emergency call emergency services.",
};

export function adviceFor(rule: string): AlertAdvice {
  const known = ADVICE[rule];
  if (known) return known;
  if (rule.startsWith("bp_sys.critical") || rule.startsWith("bp.crisis")) return ADVICE["bp_sys.critical_high"]!;
  if (rule.includes("rescue") || rule.includes("inhaler")) return RESCUE;
  if (rule.startsWith("tech.")) return { ...GENERAL, title: "Device problem" };
  return GENERAL;
}
