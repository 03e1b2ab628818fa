"use client";
// A "copy link" button: puts the full URL on the clipboard and says so (a live region), or selects it to copy by hand.
import { useState } from "react";

export function CopyLink({ url, label, copied }: { url: string; label: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setDone(true);
          } catch {
            window.prompt(label, url);
          }
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-green-900">{done ? copied : ""}</span>
    </span>
  );
}
