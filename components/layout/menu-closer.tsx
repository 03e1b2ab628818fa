"use client";
// Closes the header's <details> menus after a navigation or a language switch, on Escape (focus back on the menu
// button) and on a click outside them. Without JavaScript the menus still open and close by their own button.
import { useEffect } from "react";
import { usePathname } from "next/navigation";

function menus(): HTMLDetailsElement[] {
  return [...document.querySelectorAll<HTMLDetailsElement>("details[data-menu][open]")];
}

export function MenuCloser() {
  const pathname = usePathname();

  useEffect(() => {
    for (const menu of menus()) menu.open = false;
  }, [pathname]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      for (const menu of menus()) {
        const hadFocus = menu.contains(document.activeElement);
        menu.open = false;
        if (hadFocus) menu.querySelector("summary")?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      for (const menu of menus()) if (!(event.target instanceof Node && menu.contains(event.target))) menu.open = false;
    };
    const onSubmit = (event: SubmitEvent) => {
      for (const menu of menus()) if (event.target instanceof Node && menu.contains(event.target)) menu.open = false;
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    document.addEventListener("submit", onSubmit);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
      document.removeEventListener("submit", onSubmit);
    };
  }, []);

  return null;
}
