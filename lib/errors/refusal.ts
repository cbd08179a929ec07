// lib/errors owns the one way a domain function says no: a Refusal, with its kind (what an entry point
// answers: an HTTP status, an action's message, a socket ack), the field at fault and the reason. Each
// entry wrapper maps it in one place: lib/http (refusalResponse), lib/actions (safeAction), lib/socket
// (socketHandler), the CLI. Client-safe.

export const REFUSAL_KINDS = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "too_large",
  "unsupported",
  "rate_limited",
  "unavailable",
] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export type RefusalIssue = { field: string; reason: string };

export type RefusalOptions = {
  /** The input at fault, as the domain names it ("bed", "signature", "action"). */
  field?: string;
  /** Several inputs at fault (a validation that found more than one problem); `reason` then sums them up. */
  issues?: RefusalIssue[];
  /** When asking again may succeed (rate_limited, unavailable). */
  retryAfterSec?: number;
};

export class Refusal extends Error {
  override readonly name = "Refusal";
  readonly field: string | undefined;
  readonly issues: readonly RefusalIssue[];
  readonly retryAfterSec: number | undefined;

  /** The message reads "field: reason" (e.g. `bed: no bed "4E/99"`), or the reason alone. */
  constructor(
    readonly kind: RefusalKind,
    readonly reason: string,
    opts: RefusalOptions = {},
  ) {
    super(opts.field ? `${opts.field}: ${reason}` : reason);
    this.field = opts.field;
    this.issues = opts.issues ?? (opts.field ? [{ field: opts.field, reason }] : []);
    this.retryAfterSec = opts.retryAfterSec;
  }
}
