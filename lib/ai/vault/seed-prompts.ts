// The four prompts every install starts with (not only the demo), each as version 1, approved and in
// production by the system. Admins write later versions in the AI section.
import type { AiFeature } from "@/lib/ai/service-types";
import type { PromptVersionContent } from "@/lib/ai/prompts/prompt-version";

export type SeedPrompt = { name: AiFeature; description: string; feature: AiFeature; v1: PromptVersionContent };

const DECISION_SUPPORT =
  "You are a clinical decision-support assistant in a hospital ward. The data below is de-identified: patients, staff and devices have placeholders, times are relative to now. Use only the data given; say plainly what is missing; never invent values. A clinician makes every decision.";

export const SEED_PROMPTS: readonly SeedPrompt[] = [
  {
    name: "handover-summary",
    feature: "handover-summary",
    description: "SBAR handover summary of a patient's last 12 hours (patient page; nurses and physicians)",
    v1: {
      messages: [
        {
          role: "system",
          content: `${DECISION_SUPPORT} Write a concise SBAR handover: Situation, Background, Assessment, Recommendation.`,
        },
        {
          role: "user",
          content:
            "Write the SBAR handover for the next shift from the last 12 hours.\n\nVital signs:\n{{param.patient.vitals_window}}\n\nNEWS2 trend:\n{{param.patient.news2_trend}}\n\nOpen alerts:\n{{param.patient.open_alerts}}\n\nGlucose (CGM):\n{{param.patient.cgm_summary}}",
        },
      ],
      variables: [],
      model: "gpt-4o-mini",
      params: { temperature: 0.2, maxTokens: 600 },
      parameters: [
        { name: "patient.vitals_window", bounds: { hours: 12 } },
        { name: "patient.news2_trend", bounds: { hours: 12 } },
        { name: "patient.open_alerts", bounds: {} },
        { name: "patient.cgm_summary", bounds: { hours: 12 } },
      ],
      commitMessage: "Initial version",
    },
  },
  {
    name: "alert-explanation",
    feature: "alert-explanation",
    description: "Explain an alert in the queue: why it fired, the trend before it, what to check",
    v1: {
      messages: [
        { role: "system", content: `${DECISION_SUPPORT} Explain an alarm to the nurse who must act on it, in at most six short lines.` },
        {
          role: "user",
          content:
            "Explain this alert: why it fired, the trend before it, and what to check at the bedside.\n\n{{param.alert.context}}\n\nNEWS2 trend:\n{{param.patient.news2_trend}}",
        },
      ],
      variables: [],
      model: "gpt-4o-mini",
      params: { temperature: 0.2, maxTokens: 400 },
      parameters: [
        { name: "alert.context", bounds: { hours: 2 } },
        { name: "patient.news2_trend", bounds: { hours: 6 } },
      ],
      commitMessage: "Initial version",
    },
  },
  {
    name: "ward-brief",
    feature: "ward-brief",
    description: "Ward brief for the charge nurse: who is deteriorating, open alarms, stale devices",
    v1: {
      messages: [
        { role: "system", content: `${DECISION_SUPPORT} Brief the charge nurse on the ward in a few lines, sickest first.` },
        {
          role: "user",
          content: "Brief me on the ward: who is deteriorating, open alarms, stale devices.\n\n{{param.ward.census_and_alerts}}",
        },
      ],
      variables: [],
      model: "gpt-4o-mini",
      params: { temperature: 0.2, maxTokens: 500 },
      parameters: [{ name: "ward.census_and_alerts", bounds: {} }],
      commitMessage: "Initial version",
    },
  },
  {
    name: "maintenance-explanation",
    feature: "maintenance-explanation",
    description: "Explain a device's equipment alarm to biomedical engineering",
    v1: {
      messages: [
        {
          role: "system",
          content:
            "You assist biomedical engineers. The data below is de-identified (devices have placeholders, times are relative to now). Use only the data given; never invent values. Explain the equipment alarm and what to do, in a few lines.",
        },
        { role: "user", content: "Explain this device's equipment alarm and what to do.\n\n{{param.device.maintenance_findings}}" },
      ],
      variables: [],
      model: "gpt-4o-mini",
      params: { temperature: 0.2, maxTokens: 400 },
      parameters: [{ name: "device.maintenance_findings", bounds: { hours: 24 } }],
      commitMessage: "Initial version",
    },
  },
];
