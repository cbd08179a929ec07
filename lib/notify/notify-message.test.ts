import { describe, expect, it } from "vitest";
import { alertView } from "@/test/support/test-alerts";
import { composeMail, composePush, patientAction, pushDelivery } from "./notify-message";

const urgentLow = alertView("a-1", {
  rule: "glucose.urgent_low",
  priority: "high",
  patientId: "p-1",
  patientName: "Dana Homeward",
  wardId: null,
  bedLabel: null,
  message: "Urgent low glucose: 51 mg/dL",
  value: 51,
});

describe("what a notification says", () => {
  it("tells the patient what to do, and carries no name, message or reading", () => {
    const p = composePush({ alert: urgentLow, level: 0, reason: "raised" }, "patient");
    expect(p).toMatchObject({ title: "Urgent alert: open the portal", url: "/portal", tag: "alert-a-1", requireInteraction: true });
    expect(p.body).toContain("15 g of fast-acting sugar");
    expect(JSON.stringify(p)).not.toMatch(/Dana|Homeward|51/);
  });

  it("tells a clinician only that an alert waits, and marks an escalation", () => {
    const p = composePush({ alert: urgentLow, level: 1, reason: "escalated" }, "clinician");
    expect(p).toMatchObject({ title: "Urgent alert (escalated): a patient needs attention", url: "/alerts" });
    expect(JSON.stringify(p)).not.toMatch(/Dana|Homeward|51|glucose/);
  });

  it("e-mails a subject and a link, nothing else about the patient", () => {
    const m = composeMail({ alert: urgentLow, level: 0, reason: "raised" }, "patient", "https://care.example.org/base/");
    expect(m.subject).toBe("Urgent alert: open the portal");
    expect(m.text).toContain("https://care.example.org/portal");
    expect(m.text).not.toMatch(/Dana|Homeward|51|glucose/);
    expect(
      composeMail({ alert: { ...urgentLow, priority: "medium" }, level: 2, reason: "escalated" }, "clinician", "http://h").subject,
    ).toBe("Alert (escalated): open the alert queue");
  });

  it("maps priority to push urgency and TTL, and an unknown rule to the portal", () => {
    expect(pushDelivery("high")).toEqual({ urgency: "high", ttlSeconds: 3600 });
    expect(pushDelivery("medium").urgency).toBe("normal");
    expect(pushDelivery("technical").urgency).toBe("low");
    expect(patientAction("inhaler.rescue_high")).toBe("Open the portal to see what to do.");
  });
});
