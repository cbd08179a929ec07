// What an environment sensor watches, and the range it must stay in. A device with a profile gets
// excursion detection (lib/detectors/environment-excursion) and a compliance record of every excursion
// and logger gap. Vaccine storage ranges and the 30-minute logger interval are the CDC's.
// Shared by server and client (labels on screen).

const MINUTE = 60_000;

export const ENVIRONMENT_PROFILES = {
  vaccine_fridge: { label: "Vaccine fridge", lowC: 2, highC: 8, maxGapMs: 30 * MINUTE },
  vaccine_freezer: { label: "Vaccine freezer", lowC: -50, highC: -15, maxGapMs: 30 * MINUTE },
} as const satisfies Record<string, { label: string; lowC: number; highC: number; maxGapMs: number }>;

export type EnvironmentProfile = keyof typeof ENVIRONMENT_PROFILES;
export const ENVIRONMENT_PROFILE_KEYS = Object.keys(ENVIRONMENT_PROFILES) as EnvironmentProfile[];

export function isEnvironmentProfile(p: string): p is EnvironmentProfile {
  return Object.prototype.hasOwnProperty.call(ENVIRONMENT_PROFILES, p);
}

/** "Vaccine fridge (2–8 °C)" */
export function describeProfile(p: EnvironmentProfile): string {
  const { label, lowC, highC } = ENVIRONMENT_PROFILES[p];
  return `${label} (${lowC}–${highC} °C)`;
}
