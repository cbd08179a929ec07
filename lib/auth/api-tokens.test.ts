// Token revocation: by the owner or an admin (DELETE /api/v1/tokens/{id}, the account page's action), from
// the CLI (`tokens revoke <id>`, with the id printed by `tokens create --json`); a revoked token is dead;
// an admin's change through an old browser sign-in needs the password first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { runCliCommand } from "@/lib/cli/commands";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { sessionCookie } from "@/test/support/sessions";
import { DELETE as deleteToken } from "@/app/api/v1/tokens/[id]/route";
import { principalFromApiToken } from "./load-principal";

describe.each(testDatabaseKinds)("personal API token revocation on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
  });
  afterAll(async () => db?.destroy());

  const del = (id: string, headers: Record<string, string>) =>
    deleteToken(new NextRequest(`http://x/api/v1/tokens/${id}`, { method: "DELETE", headers }), { params: Promise.resolve({ id }) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenId = async (userId: string) => (await db.prisma.apiToken.findFirstOrThrow({ where: { userId } })).id;

  it("lets the owner revoke their token over the API; the token is dead afterwards", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse");
    const second = await runCliCommand(["tokens", "create", "--email", user.email, "--json"]);
    const json = second.json as { id: string; token: string };
    expect(json.id).toMatch(/\w+/);
    const res = await del(json.id, bearer(token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: json.id, result: "revoked" });
    expect(await principalFromApiToken(json.token)).toBeNull();
    expect(await principalFromApiToken(token)).not.toBeNull();
    expect((await del(json.id, bearer(token))).status).toBe(200);
    expect(await db.prisma.auditEvent.count({ where: { action: "api_token.revoke", actorUserId: user.id } })).toBe(1);
  });

  it("answers 404 to another user, and lets an admin revoke anyone's token", async () => {
    const owner = await createUserWithToken(db.prisma, "nurse");
    const other = await createUserWithToken(db.prisma, "physician");
    const admin = await createUserWithToken(db.prisma, "admin");
    const id = await tokenId(owner.user.id);
    expect((await del(id, bearer(other.token))).status).toBe(404);
    expect((await del("no-such-token", bearer(admin.token))).status).toBe(404);
    expect((await del(id, {})).status).toBe(401);
    expect((await del(id, bearer(admin.token))).status).toBe(200);
    expect(await principalFromApiToken(owner.token)).toBeNull();
  });

  it("revokes from the CLI (tokens revoke <id>) and says when there is no such token", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse");
    const out = await runCliCommand(["tokens", "revoke", await tokenId(user.id)]);
    expect(out.text).toMatch(/^Revoked token /);
    expect(await principalFromApiToken(token)).toBeNull();
    await expect(runCliCommand(["tokens", "revoke", "nope"])).rejects.toThrow(/no token with id nope/);
  });

  it("asks an admin whose browser sign-in is older than ADMIN_REAUTH_MINUTES to confirm the password first", async () => {
    const owner = await createUserWithToken(db.prisma, "nurse");
    const admin = await createUserWithToken(db.prisma, "admin");
    const { cookie, sid } = await sessionCookie(admin.user.id);
    await db.prisma.userSession.update({ where: { id: sid }, data: { authAt: new Date(Date.now() - 20 * 60_000) } });
    const id = await tokenId(owner.user.id);
    const res = await del(id, { cookie });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ reauth: true, error: expect.stringMatching(/Confirm your password/) });
    await db.prisma.userSession.update({ where: { id: sid }, data: { authAt: new Date() } });
    expect((await del(id, { cookie })).status).toBe(200);
  });
});
