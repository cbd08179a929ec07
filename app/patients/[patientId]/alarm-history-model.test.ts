import { describe, expect, it } from "vitest";
import type { AlertEventView, AlertView } from "@/lib/events";
import { describeEvent, escalationLabel, newestFirst, stateLabel, upsertAlert } from "./alarm-history-model";

const alert = (id: string, raisedAt: string, over: Partial<AlertView> = {}): AlertView => ({
  id,
  rule: "spo2.low",
  priority: "medium",
  state: "active",
  patientId: "p1",
  patientName: "A",
  bedLabel: "1",
  wardId: "w1",
  deviceId: "d1",
  message: "SpO₂ low: 88 % (below 90)",
  value: 88,
  conditionActive: true,
  raisedAt,
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  resolveReason: null,
  silencedUntil: null,
  silenceReason: null,
  escalationLevel: 0,
  nextEscalationAt: null,
  ...over,
});
const ev = (type: AlertEventView["type"], over: Partial<AlertEventView> = {}): AlertEventView => ({
  id: "e",
  at: "2026-11-23T18:00:00.000Z",
  type,
  actor: null,
  recipient: null,
  detail: null,
  ...over,
});

describe("alarm history list", () => {
  it("sorts newest raised first", () => {
    const list = [alert("a", "2026-11-23T18:00:00.000Z"), alert("b", "2026-11-23T19:00:00.000Z"), alert("c", "2026-11-23T17:00:00.000Z")];
    expect(newestFirst(list).map((a) => a.id)).toEqual(["b", "a", "c"]);
  });

  it("adds a live alert and replaces an updated one", () => {
    const list = [alert("a", "2026-11-23T18:00:00.000Z")];
    expect(upsertAlert(list, alert("b", "2026-11-23T19:00:00.000Z"))?.map((a) => a.id)).toEqual(["b", "a"]);
    expect(upsertAlert(list, alert("a", "2026-11-23T18:00:00.000Z", { state: "acknowledged" }))?.[0]?.state).toBe("acknowledged");
    expect(upsertAlert(undefined, alert("a", "2026-11-23T18:00:00.000Z"))).toBeUndefined();
  });

  it("names states and escalation levels", () => {
    expect(stateLabel({ state: "active", conditionActive: true })).toBe("Active");
    expect(stateLabel({ state: "active", conditionActive: false })).toBe("Active · condition cleared");
    expect(stateLabel({ state: "resolved", conditionActive: false })).toBe("Resolved");
    expect([0, 1, 2, 5].map((l) => escalationLabel(l))).toEqual(["Ward nurses", "Charge nurse", "Physician on call", "Level 5"]);
    // A home patient's alert (no ward) reaches the patient and the care team, then the care team.
    const home = { patientId: "p1", wardId: null };
    expect([0, 1, 2].map((l) => escalationLabel(l, home))).toEqual(["Patient and care team", "Care team", "Care team"]);
    expect(describeEvent(ev("escalated", { detail: { level: 1, automatic: true, recipients: [{ id: "u", name: "Dr Roe" }] } }), home)).toBe(
      "Escalated to Care team (unacknowledged): Dr Roe",
    );
  });
});

describe("describeEvent", () => {
  const ann = { id: "u1", name: "Ann Lee" };
  const roe = { id: "u2", name: "Dr Roe" };

  it("describes each step of the trail", () => {
    expect(describeEvent(ev("raised", { detail: { message: "Pulse high: 130 bpm (above 120)" } }))).toBe(
      "Raised: Pulse high: 130 bpm (above 120)",
    );
    expect(describeEvent(ev("notified", { detail: { level: 0, recipients: [ann] } }))).toBe("Notified Ward nurses: Ann Lee");
    expect(describeEvent(ev("notified", { detail: { level: 0, recipients: [] } }))).toBe("Notified Ward nurses: nobody on duty");
    expect(describeEvent(ev("escalated", { detail: { level: 1, recipients: [ann], automatic: true } }))).toBe(
      "Escalated to Charge nurse (unacknowledged): Ann Lee",
    );
    expect(describeEvent(ev("escalated", { actor: roe, detail: { level: 2, recipients: [], nobodyOnDuty: true, reason: "worse" } }))).toBe(
      "Escalated to Physician on call by Dr Roe: nobody on duty (worse)",
    );
    expect(describeEvent(ev("delivered", { recipient: ann }))).toBe("Delivered to Ann Lee");
    expect(describeEvent(ev("not_delivered", { recipient: ann }))).toBe("Not delivered to Ann Lee");
    expect(describeEvent(ev("delivered", { recipient: ann, detail: { level: 0, channel: "push", sent: 1 } }))).toBe("Push sent to Ann Lee");
    expect(describeEvent(ev("delivered", { recipient: ann, detail: { level: 0, channel: "email" } }))).toBe("E-mail sent to Ann Lee");
    expect(
      describeEvent(ev("not_delivered", { recipient: ann, detail: { level: 1, channel: "push", reason: "push service answered 500" } })),
    ).toBe("Push failed for Ann Lee (push service answered 500)");
    expect(
      describeEvent(ev("not_delivered", { recipient: ann, detail: { level: 0, channel: "email", reason: "connect ECONNREFUSED" } })),
    ).toBe("E-mail failed for Ann Lee (connect ECONNREFUSED)");
    expect(describeEvent(ev("read", { recipient: ann }))).toBe("Read by Ann Lee");
    expect(describeEvent(ev("acknowledged", { actor: ann }))).toBe("Acknowledged by Ann Lee");
    expect(describeEvent(ev("silenced", { actor: ann, detail: { minutes: 2, reason: "repositioning probe" } }))).toBe(
      "Audio silenced for 2 min by Ann Lee: repositioning probe",
    );
    expect(describeEvent(ev("condition_cleared"))).toBe("Condition cleared");
    expect(describeEvent(ev("resolved", { detail: { reason: "condition cleared", automatic: true } }))).toBe(
      "Resolved automatically: condition cleared",
    );
    expect(describeEvent(ev("resolved", { actor: roe, detail: { reason: "transferred" } }))).toBe("Resolved by Dr Roe: transferred");
  });
});
