// The one wrapper for Socket.IO event handlers: validates the payload with zod, checks the role of the
// connection's principal, and always answers the ack (errors included) so a client never hangs; a
// handler's Refusal (lib/errors) is answered `{ok: false, error: <its message>}`.
import "server-only";
import type { z } from "zod";
import type { Principal, Role } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import type { SubscribeAck } from "./events";
import type { AppSocket } from "./socket-types";

export function socketHandler<I>(
  socket: AppSocket,
  opts: { roles?: readonly Role[]; input: z.ZodType<I> },
  handler: (ctx: { socket: AppSocket; principal: Principal; input: I }) => Promise<SubscribeAck>,
) {
  return (raw: unknown, ack: unknown) => {
    const reply = typeof ack === "function" ? (ack as (r: SubscribeAck) => void) : () => undefined;
    const principal = socket.data.principal;
    if (opts.roles && !opts.roles.includes(principal.role)) return reply({ ok: false, error: "not permitted for your role" });
    const parsed = opts.input.safeParse(raw);
    if (!parsed.success) return reply({ ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") });
    handler({ socket, principal, input: parsed.data }).then(reply, (err: unknown) => {
      if (err instanceof Refusal) return reply({ ok: false, error: err.message });
      console.error("[socket] handler failed:", err);
      reply({ ok: false, error: "internal error" });
    });
  };
}
