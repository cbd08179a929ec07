// POST /api/v1/users/{id}/disable → {user}: sign-in refused, API tokens revoked at once, live sockets told (access:changed).
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { disableUser } from "@/lib/users/user-admin";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ roles: ["admin"], params: z.object({ id: z.string().min(1) }) }, async ({ principal, params, meta }) => ({
  user: await disableUser(params.id, { actor: principal, meta, actorUserId: principal.userId }),
}));
