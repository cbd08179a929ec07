"use client";
// Measures the bed grid's box (its width, and the viewport height left below its top edge) and turns it
// into a layout (ward-grid-layout.ts). Re-measured when the window or anything above the grid changes
// size (a banner appears, the header wraps). Null until measured: the server render and the first paint
// use the CSS fallback (auto-fill columns). In a client render the first measurement lands before the first
// paint. When hydrating, the server's HTML is already on screen, so the first measurement waits for a
// transition like the later ones (a resize, a banner appearing with a live update): re-laying out 64 tiles
// synchronously inside the hydration's commit made it one task of 50-60 ms (bench:ui, a CPU profile).
import {
  startTransition,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type RefObject,
} from "react";
import { TILE, wardGridLayout, type WardGridLayout } from "./ward-grid-layout";

/** Space kept free under the grid (the page's bottom padding). */
const BOTTOM_PX = 12;

function same(a: WardGridLayout | null, b: WardGridLayout): boolean {
  return (
    a !== null &&
    a.columns === b.columns &&
    a.rows === b.rows &&
    a.density === b.density &&
    a.fits === b.fits &&
    Math.abs(a.tileHeight - b.tileHeight) < 0.5 &&
    Math.abs(a.tileWidth - b.tileWidth) < 0.5
  );
}

const noSubscription = () => () => undefined;

/** True while React hydrates the server's HTML (the server snapshot is read then), false in a client render. */
function useHydrating(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
}

/** The measured layout of the grid `ref` points at (null until measured). */
export function useWardGrid(ref: RefObject<HTMLElement | null>, beds: number): WardGridLayout | null {
  const [layout, setLayout] = useState<WardGridLayout | null>(null);
  const serverPainted = useRef(useHydrating());

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return null;
    const top = el.getBoundingClientRect().top + window.scrollY;
    return wardGridLayout({ beds, width: el.clientWidth, height: window.innerHeight - top - BOTTOM_PX, gap: TILE.gap });
  }, [ref, beds]);

  useLayoutEffect(() => {
    const apply = (next: WardGridLayout | null) => {
      if (next) setLayout((prev) => (same(prev, next) ? prev : next));
    };
    const first = measure();
    if (serverPainted.current) startTransition(() => apply(first));
    else apply(first);
    const remeasure = () => {
      const next = measure();
      startTransition(() => apply(next));
    };
    const observer = new ResizeObserver(remeasure);
    const el = ref.current;
    if (el) observer.observe(el);
    // The grid's top moves when anything above it changes height (header wrap, duty banner).
    if (el?.parentElement?.firstElementChild) observer.observe(el.parentElement.firstElementChild);
    observer.observe(document.body);
    window.addEventListener("resize", remeasure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", remeasure);
    };
  }, [ref, measure]);
  return layout;
}

/** The grid's inline style for a measured layout (none before: the CSS fallback applies). */
export function wardGridStyle(layout: WardGridLayout | null): CSSProperties | undefined {
  if (!layout) return undefined;
  return {
    gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
    gridAutoRows: layout.fits ? `${Math.floor(layout.tileHeight)}px` : `minmax(${layout.tileHeight}px, auto)`,
    gap: `${TILE.gap}px`,
  };
}
