"use client";
// Moves keyboard focus to a heading when a discussion opens, so keyboard and screen-reader users land on it.
import { useEffect, useRef, type ReactNode } from "react";

export function FocusHeading({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [id]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
