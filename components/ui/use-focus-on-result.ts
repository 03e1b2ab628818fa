"use client";
// After a form action answers, move focus to its message so keyboard and screen-reader users hear it.
import { useEffect, useRef } from "react";

export function useFocusOnResult(state: { status: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  return ref;
}
