import { describe, expect, it } from "vitest";
import { Refusal, REFUSAL_KINDS } from "@/lib/errors/refusal";
import { answeringRefusals, REFUSAL_STATUS, refusalResponse } from "./refusal-response";

const answer = async (r: Response) => ({
  status: r.status,
  body: (await r.json()) as unknown,
  retryAfter: r.headers.get("retry-after"),
  auth: r.headers.get("www-authenticate"),
});

describe("refusalResponse", () => {
  it("gives every kind its own HTTP status", () => {
    expect(REFUSAL_KINDS.map((k) => REFUSAL_STATUS[k])).toEqual([400, 401, 403, 404, 409, 413, 415, 429, 503]);
  });

  it("answers the message, and the field at fault named as the request names it", async () => {
    const r = new Refusal("invalid", "must be 3 to 2000 characters", { field: "action" });
    expect(r.message).toBe("action: must be 3 to 2000 characters");
    expect(await answer(refusalResponse(r, "body."))).toEqual({
      status: 400,
      body: { error: "action: must be 3 to 2000 characters", issues: [{ field: "body.action", reason: "must be 3 to 2000 characters" }] },
      retryAfter: null,
      auth: null,
    });
    expect(await answer(refusalResponse(new Refusal("not_found", `no device with id "x"`, { field: "device" })))).toMatchObject({
      status: 404,
      body: { error: `device: no device with id "x"`, issues: [{ field: "device", reason: `no device with id "x"` }] },
    });
  });

  it("leaves issues out when no field is at fault, and lists several when a validation found several", async () => {
    expect(await answer(refusalResponse(new Refusal("conflict", "the alert is already resolved")))).toMatchObject({
      status: 409,
      body: { error: "the alert is already resolved" },
    });
    const issues = [
      { field: "frames[0].seq", reason: "must be 0 or more" },
      { field: "frames[1].values.spo2", reason: "140 is above the maximum 100 %" },
    ];
    const r = new Refusal("invalid", "frames[0].seq: must be 0 or more; frames[1].values.spo2: 140 is above the maximum 100 %", { issues });
    expect((await answer(refusalResponse(r))).body).toEqual({ error: r.reason, issues });
  });

  it("says when to retry and how to authenticate", async () => {
    expect(await answer(refusalResponse(new Refusal("rate_limited", "rate limit", { retryAfterSec: 3 })))).toMatchObject({
      status: 429,
      retryAfter: "3",
    });
    expect(await answer(refusalResponse(new Refusal("unauthenticated", "sign in")))).toMatchObject({ status: 401, auth: "Bearer" });
  });

  it("answers only refusals: anything else is the caller's to handle", async () => {
    expect(
      (
        await answeringRefusals(async () => {
          throw new Refusal("forbidden", "no");
        })
      ).status,
    ).toBe(403);
    await expect(
      answeringRefusals(async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
  });
});
