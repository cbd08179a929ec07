"use client";
// Keyboard shortcuts of the queue on the whole page (j/k/arrows move, a/r/s/e act on the selected row),
// except while typing in a field or while a dialog is open.
import { useEffect, useEffectEvent } from "react";
import { commandForKey, isTypingTarget, type QueueCommand } from "@/components/alerts/keyboard";

export function useQueueKeys(onCommand: (c: QueueCommand) => void, enabled: boolean) {
  const handle = useEffectEvent((e: KeyboardEvent) => {
    if (!enabled || e.defaultPrevented) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (target?.closest("dialog")) return;
    const command = commandForKey(e, isTypingTarget(target));
    if (!command) return;
    e.preventDefault();
    // Holding a key moves on, but never repeats an action.
    if (e.repeat && command !== "next" && command !== "prev") return;
    onCommand(command);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => handle(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
