// What a screen follows of the alerts in the caller's scope, besides the nav count's marks (which every
// screen follows): the queue's filter, one ward's open alerts, or nothing of its own ("nav"). It keys
// the screen's catch-up, so the screen and the nav count share one request. Client-safe.
import { z } from "zod";
import { ALERT_PRIORITIES } from "@/lib/events";
import type { AlertCursor, AlertListFilter } from "@/lib/alerts/alert-queries";
import type { AlertView } from "@/lib/events";
import type { AlertMark } from "./active-alerts";

export const alertFeedSchema = z.discriminatedUnion("view", [
  z.object({ view: z.literal("nav") }),
  z.object({ view: z.literal("queue"), wardId: z.string().min(1).max(100).nullable(), priority: z.enum(ALERT_PRIORITIES).nullable() }),
  z.object({ view: z.literal("ward"), wardId: z.string().min(1).max(100) }),
]);
export type AlertFeed = z.infer<typeof alertFeedSchema>;

const eventId = z.string().regex(/^\d{1,19}$/, "must be an event id");
export const alertCursorSchema = z.object({ at: z.iso.datetime(), eventId, pending: z.array(eventId).max(1000) });

/** The list of a feed as a listAlerts filter (without state and limit), or null for "nav". */
export function feedListFilter(feed: AlertFeed): Pick<AlertListFilter, "wardId" | "priority"> | null {
  if (feed.view === "nav") return null;
  if (feed.view === "ward") return { wardId: feed.wardId };
  return { wardId: feed.wardId ?? undefined, priority: feed.priority ?? undefined };
}

/** A catch-up's answer: the feed's alerts that changed (any state), every changed alert in scope as a mark, and where to continue from. */
export type AlertChanges = { cursor: AlertCursor; alerts: AlertView[]; marks: AlertMark[]; truncated: boolean };

/** What a page hands its nav count so the count needs no query of its own. */
export type NavAlertsData = { marks: AlertMark[]; cursor: AlertCursor; feed: AlertFeed; wardIds?: string[] };
