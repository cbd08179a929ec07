// GET /api/v1/duty?wardId= → the ward's roster (shifts from a day ago to a week ahead), who is on duty now
// and the duties nobody covers; PUT ?wardId= {shifts: [{duty: charge|on_call, userId, startsAt, endsAt}]}
// replaces the shifts that have not ended (admins).
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { canSeeWard } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import { getRoster, putRoster, putRosterBodySchema } from "@/lib/duty/duty-roster";

export const dynamic = "force-dynamic";

const query = z.object({ wardId: z.string().min(1, "is required") });

export const GET = apiRoute({ roles: ["admin", "nurse", "physician"], query }, async ({ principal, query: q }) => {
  const roster = await getRoster(q.wardId);
  if (!canSeeWard(principal, roster.ward.id)) throw new Refusal("forbidden", "that ward is not one of yours", { field: "wardId" });
  return roster;
});

export const PUT = apiRoute(
  { roles: ["admin"], query, body: putRosterBodySchema, fieldsIn: "body" },
  async ({ principal, query: q, body, meta }) => putRoster(q.wardId, body.shifts, { actor: principal, meta }),
);
