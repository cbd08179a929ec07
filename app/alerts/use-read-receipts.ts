"use client";
// IHE ACM read receipts: an alert row that is actually on screen (at least half visible, tab visible)
// is reported once per tab with "alert:read"; the server records it once per user and alert.
import { useEffect, useRef } from "react";
import { getSocket } from "@/components/live/use-live-socket";

const reported = new Set<string>();

function report(id: string) {
  if (reported.has(id)) return;
  reported.add(id);
  // Buffered by Socket.IO while offline; a refusal (out of scope) is not retried.
  getSocket().emit("alert:read", id, () => undefined);
}

/** Observes the `[data-alert-id]` rows inside the returned ref's element; `key` changes when rows change. */
export function useReadReceipts<E extends HTMLElement>(key: string) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof IntersectionObserver !== "function") return;
    const onScreen = new Set<string>();
    const flush = () => {
      if (document.visibilityState === "visible") onScreen.forEach(report);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset.alertId;
          if (!id) continue;
          if (e.isIntersecting) onScreen.add(id);
          else onScreen.delete(id);
        }
        flush();
      },
      { threshold: 0.5 },
    );
    root.querySelectorAll<HTMLElement>("[data-alert-id]").forEach((el) => observer.observe(el));
    document.addEventListener("visibilitychange", flush);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", flush);
    };
  }, [key]);
  return ref;
}
