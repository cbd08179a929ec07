"use client";
// A modal dialog (native <dialog>: focus stays inside, Escape closes and calls onClose), titled; its
// content is rendered only while open.
import { useEffect, useRef, type ReactNode } from "react";

const WIDTHS = { md: "w-[min(34rem,calc(100vw-2rem))]", lg: "w-[min(40rem,calc(100vw-2rem))]" } as const;

export function Dialog({
  title,
  open,
  onClose,
  size = "lg",
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  size?: keyof typeof WIDTHS;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className={`m-auto ${WIDTHS[size]} rounded-lg border border-line-strong bg-panel p-0 text-left whitespace-normal text-ink backdrop:bg-black/70`}
    >
      {open && (
        <div className="p-5">
          <h2 className="text-lg font-semibold">{title}</h2>
          <div className="mt-3">{children}</div>
        </div>
      )}
    </dialog>
  );
}
