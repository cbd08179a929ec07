// A refused server action in one line, for a form that shows no per-field errors: each field's error as
// "<field>: <message>", joined by "; ", else the action's own message. Client-safe (no server imports).
export function refusalText(res: { error: string; fieldErrors?: Record<string, string> }): string {
  const fields = Object.entries(res.fieldErrors ?? {});
  return fields.length ? fields.map(([f, m]) => `${f}: ${m}`).join("; ") : res.error;
}
