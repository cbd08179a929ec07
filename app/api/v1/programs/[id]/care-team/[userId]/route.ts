// Taking a clinician off a program's care team (admins): their access to its patients ends at once.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { removeCareTeamMember } from "@/lib/programs/care-team-admin";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1), userId: z.string().min(1) });

/** DELETE → 204; 404 when the user is not on the team. */
export const DELETE = apiRoute({ roles: ["admin"], params }, async ({ principal, params, meta }) => {
  await removeCareTeamMember(principal, params.id, params.userId, meta);
  return new Response(null, { status: 204 });
});
