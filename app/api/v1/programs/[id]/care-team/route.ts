// A program's care team (lib/programs/care-team-admin): the team and admins read it; admins add clinicians.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { addCareTeamMember, listCareTeamMembers } from "@/lib/programs/care-team-admin";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1) });
const body = z.object({ userId: z.string({ error: "must be a user id" }).min(1, "must be a user id") }).strict();

/** GET → {members: [{userId, name, email, role, addedAt}]} (admins, the program's care team) */
export const GET = apiRoute({ roles: CLINICAL_ROLES, params }, async ({ principal, params }) => ({
  members: await listCareTeamMembers(principal, params.id),
}));

/** POST {userId} → 201 {member} (admins): a nurse or physician joins the team; idempotent. */
export const POST = apiRoute({ roles: ["admin"], params, body, fieldsIn: "body" }, async ({ principal, params, body, meta }) => {
  const member = await addCareTeamMember(principal, params.id, body.userId, meta);
  return Response.json({ member }, { status: 201 });
});
