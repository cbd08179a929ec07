// The silence (audio paused) choices the queue offers, up to the maximum the server enforces.
import { MAX_SILENCE_MINUTES } from "@/lib/alerts/alert-policy";

export const SILENCE_MAX_MINUTES = MAX_SILENCE_MINUTES;
export const SILENCE_CHOICES: readonly number[] = [1, 2, 5, 10, 15, 20, 30].filter((m) => m <= SILENCE_MAX_MINUTES);
export const SILENCE_DEFAULT_MINUTES = 5;
