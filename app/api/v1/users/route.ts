// GET /api/v1/users (admins) → {users}; POST {email, role, name?, wards?, patientId?, password?} → 201 {user, invite}:
// without a password the answer carries a one-time invite link (shown once; only its hash is stored).
import { apiRoute } from "@/lib/http/api-route";
import { addUser, listUsers, newUserBodySchema } from "@/lib/users/user-admin";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ roles: ["admin"] }, async () => ({ users: await listUsers() }));

export const POST = apiRoute({ roles: ["admin"], body: newUserBodySchema, fieldsIn: "body" }, async ({ principal, body, meta, req }) => {
  const created = await addUser(body, { actor: principal, meta });
  const invite = created.invite ? { ...created.invite, url: new URL(created.invite.path, req.nextUrl.origin).toString() } : null;
  return Response.json({ user: created.user, invite }, { status: 201 });
});
