"use client";
// While the synthesis draft is being built (a background job), shows its progress and refreshes the page every
// two seconds until the build is done; the bar is a native <progress>, announced politely.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function BuildProgress({ label, detail, done, total }: { label: string; detail: string; done: number; total: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div className="space-y-1" role="status" aria-live="polite">
      <label htmlFor="synthesis-progress" className="block font-medium">{label}</label>
      <progress id="synthesis-progress" className="h-3 w-full" max={Math.max(total, 1)} value={total > 0 ? done : undefined} aria-describedby="synthesis-progress-detail" />
      <p id="synthesis-progress-detail" className="text-sm text-stone-800">{detail}</p>
    </div>
  );
}
