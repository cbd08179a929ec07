// The one wrapper for Socket.IO event handlers: re-checks the caller (credential still open, role and
// wards afresh), validates the payload with zod, checks the role, and always answers the ack (errors included) so a client never hangs; a
// handler's Refusal (lib/errors) is answered `{ok: false, error: <its message>}`.
import "server-only";
import type { z } from "zod";
import type { Principal, Role } from "@/lib/auth/principal";
import { recheckPrincipal } from "@/lib/auth/recheck-principal";
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
    const run = async (): Promise<SubscribeAck> => {
      // Rights are re-checked on every event: a revoked token, an ended session or a disabled account
      // drops the connection; a changed role or ward assignment applies at once.
      const principal = await recheckPrincipal(socket.data.principal);
      if (!principal) {
        setImmediate(() => socket.disconnect(true));
        return { ok: false, error: "your session has ended" };
      }
      socket.data.principal = principal;
      if (opts.roles && !opts.roles.includes(principal.role)) return { ok: false, error: "not permitted for your role" };
      const parsed = opts.input.safeParse(raw);
      if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") };
      return handler({ socket, principal, input: parsed.data });
    };
    run().then(reply, (err: unknown) => {
      if (err instanceof Refusal) return reply({ ok: false, error: err.message });
      console.error("[socket] handler failed:", err);
      reply({ ok: false, error: "internal error" });
    });
  };
}
