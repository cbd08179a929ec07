// What can go wrong calling a model, as one typed error whose message is safe to show a user and to
// store in the call log (no upstream body text, no prompt content): the call timed out, the service is
// rate-limiting, the service failed or refused, or its answer could not be read.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, RateLimitError } from "openai";

export type ModelErrorKind = "timeout" | "rate_limited" | "upstream" | "bad_response";

export class ModelCallError extends Error {
  readonly kind: ModelErrorKind;
  /** The HTTP status the model service answered, when it answered one. */
  readonly status: number | undefined;

  constructor(kind: ModelErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ModelCallError";
    this.kind = kind;
    this.status = options.status;
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Turns anything the SDK or our own checks threw into a ModelCallError. */
export function toModelCallError(err: unknown, ctx: { timedOut: boolean; timeoutMs: number }): ModelCallError {
  if (ctx.timedOut || err instanceof APIConnectionTimeoutError) {
    return new ModelCallError("timeout", `The AI model did not answer within ${seconds(ctx.timeoutMs)}`, { cause: err });
  }
  if (err instanceof ModelCallError) return err;
  if (err instanceof RateLimitError) {
    return new ModelCallError("rate_limited", "The AI model service is rate-limiting requests (HTTP 429); try again shortly", {
      status: 429,
      cause: err,
    });
  }
  if (err instanceof APIUserAbortError) return new ModelCallError("upstream", "The AI model call was cancelled", { cause: err });
  if (err instanceof APIConnectionError) return new ModelCallError("upstream", "The AI model service could not be reached", { cause: err });
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const why =
      status === 401 || status === 403
        ? "refused the credentials"
        : status === 404
          ? "does not know the model or the endpoint"
          : status >= 500
            ? "failed"
            : "rejected the request";
    return new ModelCallError("upstream", `The AI model service ${why} (HTTP ${status})`, { status, cause: err });
  }
  if (err instanceof SyntaxError)
    return new ModelCallError("bad_response", "The AI model service sent a response that could not be read", { cause: err });
  return new ModelCallError("upstream", "The AI model call failed", { cause: err });
}
