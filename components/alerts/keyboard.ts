// Keyboard shortcuts of the alert queue (j/k move, a acknowledge, r resolve, s silence, e escalate) and
// moving the selection. Pure: the page maps key events through here.

export type QueueCommand = "next" | "prev" | "acknowledge" | "resolve" | "silence" | "escalate";

export const QUEUE_SHORTCUTS: readonly { key: string; command: QueueCommand; label: string }[] = [
  { key: "j", command: "next", label: "next" },
  { key: "k", command: "prev", label: "previous" },
  { key: "a", command: "acknowledge", label: "acknowledge" },
  { key: "r", command: "resolve", label: "resolve" },
  { key: "s", command: "silence", label: "silence" },
  { key: "e", command: "escalate", label: "escalate" },
];

const BY_KEY = new Map<string, QueueCommand>([
  ...QUEUE_SHORTCUTS.map((s) => [s.key, s.command] as const),
  ["ArrowDown", "next"],
  ["ArrowUp", "prev"],
]);

export type KeyInput = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

/** The command for a key press; none with a modifier (browser shortcuts) or while typing in a field. */
export function commandForKey(e: KeyInput, typing: boolean): QueueCommand | null {
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return null;
  return BY_KEY.get(e.key.length === 1 ? e.key.toLowerCase() : e.key) ?? null;
}

/** Whether a key event's target takes text (input, textarea, select, contenteditable). */
export function isTypingTarget(t: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? "").toUpperCase();
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * The id to select after moving by `dir` from `current`: the first (j) or last (k) when nothing or a
 * vanished row was selected; stays at the ends.
 */
export function moveSelection(ids: readonly string[], current: string | null, dir: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const i = current === null ? -1 : ids.indexOf(current);
  if (i === -1) return dir === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(Math.max(i + dir, 0), ids.length - 1)]!;
}

/** The selection to keep when the list changes: the same id if still there, else the row now at its old place. */
export function keepSelection(before: readonly string[], after: readonly string[], current: string | null): string | null {
  if (current === null || after.length === 0) return null;
  if (after.includes(current)) return current;
  const i = before.indexOf(current);
  return after[Math.min(Math.max(i, 0), after.length - 1)]!;
}
