// Password sign-in: lockout per account and per IP with a clear message, the same work for unknown and
// known accounts, a session per sign-in, the TOTP second factor, audit rows with the resolved client IP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "otpauth";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { hashPassword } from "./password";
import { signInWithPassword, SignInError, SIGN_IN_ERRORS } from "./sign-in";
import { confirmTotpEnrolment, currentTotpCode, startTotpEnrolment, totpStatus } from "./totp";

const PASSWORD = "correct horse battery";

describe("password sign-in", () => {
  let db: TestDatabase;
  let n = 0;
  const meta = (ip = `10.0.0.${++n}`) => ({ ip, userAgent: "vitest" });
  let passwordHash: string;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-000";
    db = await createTestDatabase("pglite");
    setDatabase(db);
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(() => db.destroy());

  const user = async (role: "admin" | "nurse" = "nurse") => {
    const email = `${role}-${++n}@test.local`;
    return db.prisma.user.create({ data: { email, name: email, role, passwordHash } });
  };

  it("opens a server-side session and audits the sign-in with the client IP", async () => {
    const u = await user();
    const r = await signInWithPassword({ email: u.email.toUpperCase(), password: PASSWORD }, meta("192.0.2.7"));
    expect(r).toMatchObject({ userId: u.id });
    expect(await db.prisma.userSession.findUnique({ where: { id: r!.sessionId } })).toMatchObject({ userId: u.id, ip: "192.0.2.7" });
    expect(await db.prisma.auditEvent.findFirst({ where: { actorUserId: u.id, action: "auth.sign_in" } })).toMatchObject({
      ip: "192.0.2.7",
    });
  });

  it("locks an account after 5 failures with a clear message, even with the right password, and says so", async () => {
    const u = await user();
    for (let i = 1; i <= 4; i++) expect(await signInWithPassword({ email: u.email, password: "wrong" }, meta())).toBeNull();
    await expect(signInWithPassword({ email: u.email, password: "wrong" }, meta())).rejects.toThrow(
      /Too many failed sign-ins for this account/,
    );
    const err = await signInWithPassword({ email: u.email, password: PASSWORD }, meta()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect((err as Error).message).toMatch(/locked for 15 minutes/);
    expect(await db.prisma.auditEvent.count({ where: { actorEmail: u.email, action: "auth.sign_in_locked" } })).toBe(1);
  });

  it("locks an unknown address the same way (no enumeration by lockout)", async () => {
    for (let i = 1; i <= 4; i++) expect(await signInWithPassword({ email: "nobody@test.local", password: "x" }, meta())).toBeNull();
    await expect(signInWithPassword({ email: "nobody@test.local", password: "x" }, meta())).rejects.toThrow(/Too many failed/);
  });

  it("locks a client IP after 30 failures across accounts", async () => {
    const ip = "198.51.100.9";
    for (let i = 0; i < 29; i++) await signInWithPassword({ email: `spray-${i}@test.local`, password: "x" }, meta(ip));
    await expect(signInWithPassword({ email: "spray-last@test.local", password: "x" }, meta(ip))).rejects.toThrow(/this network address/);
    const u = await user();
    await expect(signInWithPassword({ email: u.email, password: PASSWORD }, meta(ip))).rejects.toThrow(/this network address/);
    expect(await signInWithPassword({ email: u.email, password: PASSWORD }, meta())).not.toBeNull();
  });

  it("spends the same scrypt work on an unknown account as on a known one", async () => {
    const u = await user();
    const time = async (email: string) => {
      const t = performance.now();
      await signInWithPassword({ email, password: "wrong-password" }, meta());
      return performance.now() - t;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(u.email));
      unknown.push(await time(`ghost-${i}@test.local`));
    }
    // Without the dummy hash the unknown answer took ~1/7 of the known one.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it("asks an enrolled admin for a TOTP code, accepts a valid one once, and refuses a wrong one", async () => {
    const u = await user("admin");
    const { uri, secret } = await startTotpEnrolment(u.id, u.email);
    expect(uri).toMatch(/^otpauth:\/\/totp\/IoMT%20Ward:/);
    const row = await db.prisma.userSecurity.findUniqueOrThrow({ where: { userId: u.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(await totpStatus(u.id)).toBe("pending");
    expect(await signInWithPassword({ email: u.email, password: PASSWORD }, meta())).not.toBeNull();
    const t0 = Date.now() - 60_000;
    await confirmTotpEnrolment(u.id, currentTotpCode(secret, t0), t0);
    expect(await totpStatus(u.id)).toBe("on");

    await expect(signInWithPassword({ email: u.email, password: PASSWORD }, meta())).rejects.toThrow(SIGN_IN_ERRORS.totpRequired);
    const wrong = new Secret({ size: 20 }).base32;
    await expect(signInWithPassword({ email: u.email, password: PASSWORD, totp: currentTotpCode(wrong) }, meta())).rejects.toThrow(
      SIGN_IN_ERRORS.totpInvalid,
    );
    const code = currentTotpCode(secret);
    expect(await signInWithPassword({ email: u.email, password: PASSWORD, totp: code }, meta())).not.toBeNull();
    // Replay of the same code is refused.
    await expect(signInWithPassword({ email: u.email, password: PASSWORD, totp: code }, meta())).rejects.toThrow(
      SIGN_IN_ERRORS.totpInvalid,
    );
  });

  it("refuses a disabled account with the right password", async () => {
    const u = await user();
    await db.prisma.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await signInWithPassword({ email: u.email, password: PASSWORD }, meta())).toBeNull();
  });
});
