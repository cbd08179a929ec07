"use server";
// The server function behind every live alert screen's catch-up (see load-alert-changes.ts); called
// through TanStack Query (use-alert-catch-up.ts).
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { ALERT_ROLES } from "@/lib/auth/principal";
import { alertCursorSchema, alertFeedSchema } from "./alert-feed";
import { loadAlertChanges } from "./load-alert-changes";

export const loadAlertChangesAction = safeAction(
  { kind: "read", roles: ALERT_ROLES, input: z.object({ since: alertCursorSchema, feed: alertFeedSchema }) },
  ({ principal, input, meta }) => loadAlertChanges(principal, meta, input),
);
