// What a push notification and an e-mail say (pure). Payload policy: a lock screen and a mailbox are not
// the record, so neither carries a name, MRN, date of birth or reading. The patient's push says what kind
// of alert it is and what to do now (their own situation, which they need in order to act); a clinician's
// push and every e-mail only say that an alert of that urgency is waiting and where to open it. The full
// alert is behind sign-in (the portal for a patient, the alert queue for a clinician). Push payloads are
// end-to-end encrypted (aes128gcm) to the browser; e-mail is not, hence the bare subject and link.
import type { AlertNotification, AlertPriority } from "@/lib/events";

export type Audience = "patient" | "clinician";

/** What the service worker (public/sw.js) reads: short, no PHI beyond what the patient needs to act. */
export type PushPayload = {
  title: string;
  body: string;
  /** The page to open on click (same origin). */
  url: string;
  /** One notification per alert on the device: an escalation replaces the first. */
  tag: string;
  alertId: string;
  priority: AlertPriority;
  /** Keep it on screen until the user acts (high priority). */
  requireInteraction: boolean;
};

export type MailContent = { subject: string; text: string };

/** What a patient should do for each kind of home alert; anything else: open the portal. */
const PATIENT_ACTIONS: Record<string, string> = {
  "glucose.urgent_low":
    "Your glucose is very low. Take 15 g of fast-acting sugar now and check again in 15 minutes. If you cannot, call for help.",
  "glucose.low": "Your glucose is low. Take fast-acting sugar and check again in 15 minutes.",
  "glucose.fast_fall": "Your glucose is falling fast. Check it now and have fast-acting sugar at hand.",
  "glucose.high": "Your glucose has been high. Check it, follow your plan, and contact your care team if it stays high.",
  "bp_sys.high": "Your blood pressure reading is very high. Sit quietly for 5 minutes and measure again; call for help if you feel unwell.",
};
const DEFAULT_PATIENT_ACTION = "Open the portal to see what to do.";

export function patientAction(rule: string): string {
  return PATIENT_ACTIONS[rule] ?? Object.entries(PATIENT_ACTIONS).find(([k]) => rule.startsWith(`${k}.`))?.[1] ?? DEFAULT_PATIENT_ACTION;
}

const URGENCY_WORD: Record<AlertPriority, string> = { high: "Urgent alert", medium: "Alert", low: "Notice", technical: "Device notice" };

/** Where the notification opens: the patient portal (its overview lists the patient's open alerts with
 *  what to do and Acknowledge), else the alert queue. */
export function alertPath(audience: Audience): string {
  return audience === "patient" ? "/portal" : "/alerts";
}

export function composePush(n: AlertNotification, audience: Audience): PushPayload {
  const { alert } = n;
  const word = URGENCY_WORD[alert.priority];
  const again = n.reason === "escalated" ? " (escalated)" : "";
  return {
    title: audience === "patient" ? `${word}: open the portal` : `${word}${again}: a patient needs attention`,
    body: audience === "patient" ? patientAction(alert.rule) : "Open the alert queue to see and acknowledge it.",
    url: alertPath(audience),
    tag: `alert-${alert.id}`,
    alertId: alert.id,
    priority: alert.priority,
    requireInteraction: alert.priority === "high",
  };
}

export function composeMail(n: AlertNotification, audience: Audience, baseUrl: string): MailContent {
  const word = URGENCY_WORD[n.alert.priority];
  const link = new URL(alertPath(audience), baseUrl).toString();
  if (audience === "patient") {
    return {
      subject: `${word}: open the portal`,
      text: `You have a new ${word.toLowerCase()} from your remote monitoring.\n\nOpen the portal to see what to do and to acknowledge it:\n${link}\n\nIf you feel unwell, call for help.`,
    };
  }
  return {
    subject: `${word}${n.reason === "escalated" ? " (escalated)" : ""}: open the alert queue`,
    text: `A patient in your care has an unacknowledged ${word.toLowerCase()}.\n\nOpen the alert queue to see and acknowledge it:\n${link}`,
  };
}

/** Push urgency (RFC 8030 §5.3) and TTL per priority: high priority wakes the device, and is kept an hour. */
export function pushDelivery(priority: AlertPriority): { urgency: "high" | "normal" | "low"; ttlSeconds: number } {
  if (priority === "high") return { urgency: "high", ttlSeconds: 3600 };
  if (priority === "medium") return { urgency: "normal", ttlSeconds: 4 * 3600 };
  return { urgency: "low", ttlSeconds: 12 * 3600 };
}
