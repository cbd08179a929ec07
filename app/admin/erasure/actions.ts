"use server";
// Server actions of the erasure workflow (admins): complete a pending request (erase what may go, keep
// the clinical record until its retention date) or refuse it with a reason the patient sees.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { completeErasure, refuseErasure } from "@/lib/data-rights/erasure-requests";

const ADMIN = ["admin"] as const;
const WORDING = { failed: "Not changed", unavailable: "That request is not available." };

export const completeErasureAction = safeAction(
  {
    roles: ADMIN,
    wording: WORDING,
    input: z.object({ id: z.string().min(1, "choose a request"), note: z.string().trim().max(1000, "at most 1000 characters").optional() }),
  },
  async ({ principal, input, meta }) => {
    const r = await completeErasure(input.id, input.note || null, { actor: principal, meta, userId: principal.userId });
    return { status: r.status, retainUntil: r.retainUntil };
  },
);

export const refuseErasureAction = safeAction(
  {
    roles: ADMIN,
    wording: WORDING,
    input: z.object({
      id: z.string().min(1, "choose a request"),
      reason: z.string().trim().min(5, "give the reason the patient will see (at least 5 characters)").max(1000, "at most 1000 characters"),
    }),
  },
  async ({ principal, input, meta }) => {
    const r = await refuseErasure(input.id, input.reason, { actor: principal, meta, userId: principal.userId });
    return { status: r.status };
  },
);
