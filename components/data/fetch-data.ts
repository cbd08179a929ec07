// The browser's one way to reach the server outside the live socket: JSON route handlers read with
// getJson (the answer checked with a schema), forms posted with sendForm, and server functions
// (server actions) whose result is unwrapped with actionData. Reads run inside TanStack Query, keyed
// from query-keys.ts.

/** A zod schema or one of lib/events' wire shapes (lib/events/wire-shape: keeps zod out of the live pages' JS). */
type Schema<T> = { parse(value: unknown): T; safeParse(value: unknown): { success: true; data: T } | { success: false } };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A server function refused (signed out, not allowed, bad input, or a domain refusal). */
export class ActionFailure extends Error {}

/** Retry server and network failures twice; a refusal (4xx) will not change by asking again. */
export const retryUnlessRefused = (count: number, err: Error) =>
  !(err instanceof HttpError && err.status < 500) && !(err instanceof ActionFailure) && count < 2;

export async function getJson<T>(url: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new HttpError(res.status, `${url.split("?")[0]} failed (${res.status})`);
  return schema.parse(await res.json());
}

export type SendResult<T> = { ok: true; data: T } | { ok: false; status: number | null; error: string | null };

/**
 * Posts a form (multipart) to a route handler. Never throws: `status` null means the server was not
 * reached; a refusal carries the API's `error` text when its body has one.
 */
export async function sendForm<T>(url: string, body: FormData, schema: Schema<T>): Promise<SendResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", body, headers: { accept: "application/json" } });
  } catch {
    return { ok: false, status: null, error: null };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, data: parsed.data };
  }
  const error = json && typeof json === "object" && "error" in json && typeof json.error === "string" ? json.error : null;
  return { ok: false, status: res.status, error };
}

type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** The data of a server function's result, or an ActionFailure with its message (for query functions). */
export function actionData<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new ActionFailure(result.error);
  return result.data;
}
