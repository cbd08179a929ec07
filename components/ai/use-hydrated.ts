"use client";
// Whether the page is hydrated: false in the server render and until React takes over, so a button
// that needs JavaScript can stay disabled instead of ignoring an early click.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
