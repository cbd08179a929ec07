"use server";
// The one action reachable without a session: a one-time invite link sets the account's password. The
// token itself is the credential (only its SHA-256 is stored; it is spent on use and expires in 7 days).
import { z } from "zod";
import { Refusal } from "@/lib/errors/refusal";
import { acceptInvite } from "@/lib/users/user-admin";

const input = z.object({ token: z.string().min(10).max(200), password: z.string().min(1, "is required").max(200) });

export async function acceptInviteAction(raw: unknown): Promise<{ ok: true; email: string } | { ok: false; error: string }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  try {
    return { ok: true, ...(await acceptInvite(parsed.data.token, parsed.data.password)) };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.message };
    console.error("[invite] failed:", err);
    return { ok: false, error: "Something went wrong; the password was not set." };
  }
}
