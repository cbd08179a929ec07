// Shared fixtures for the de-identification tests: a context with one of each known identifier.
import type { DeidentifyContext } from "@/lib/ai/deidentify/deidentify";

export const NOW = new Date("2026-11-23T18:00:00.000Z");

export const PATIENT_ID = "ckpat1a2b3c4d5e6f7g8h9i0j";
export const ALERT_ID = "ckalert1a2b3c4d5e6f7g8h9i";

export const CONTEXT: DeidentifyContext = {
  now: NOW,
  patients: [
    {
      id: PATIENT_ID,
      givenNames: ["Maria", "Elena"],
      familyName: "Lopez",
      mrn: "DEMO-100001",
      birthDate: "1934-03-14",
      phones: ["+1 617 555 0100"],
      emails: ["maria.lopez@example.com"],
      addresses: ["42 Elm Street"],
    },
  ],
  staff: [
    { id: "ckstaff1a2b3c4d5e6f7g8h9i", name: "Anna Berg", role: "nurse" },
    { name: "Wei Chen", role: "physician" },
  ],
  devices: [
    { id: "mon-4e-01", aliases: ["SN-4471-XK", "00:1A:2B:3C:4D:5E"] },
    { id: "pump-0002", aliases: ["PUMP-0002-ASSET"] },
  ],
  internalIds: [ALERT_ID],
};
