// The silence (audio paused) choices the queue offers. The server enforces the same maximum
// (lib/alerts/alert-actions MAX_SILENCE_MINUTES, server-only); a test keeps the two equal.
export const SILENCE_MAX_MINUTES = 30;
export const SILENCE_CHOICES: readonly number[] = [1, 2, 5, 10, 15, 20, 30].filter((m) => m <= SILENCE_MAX_MINUTES);
export const SILENCE_DEFAULT_MINUTES = 5;
