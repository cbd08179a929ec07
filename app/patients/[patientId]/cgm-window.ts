const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back the CGM panel looks: the consensus AGP report's 14 days. */
export const CGM_WINDOW_MS = 14 * DAY_MS;
