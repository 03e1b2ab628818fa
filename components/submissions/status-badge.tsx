import type { SubmissionStatus } from "@/lib/db/generated/enums";

const STYLES: Record<SubmissionStatus, string> = {
  DRAFT: "bg-stone-100 text-stone-800 border-stone-500",
  PENDING: "bg-amber-50 text-amber-900 border-amber-700",
  CHANGES_REQUESTED: "bg-amber-50 text-amber-900 border-amber-700",
  HELD_FOR_BALANCE: "bg-amber-50 text-amber-900 border-amber-700",
  PUBLISHED: "bg-green-100 text-green-900 border-green-700",
  REJECTED: "bg-red-50 text-red-900 border-red-700",
  HIDDEN: "bg-stone-100 text-stone-800 border-stone-500",
  WITHDRAWN: "bg-stone-100 text-stone-800 border-stone-500",
};

export function StatusBadge({ status, label }: { status: SubmissionStatus; label: string }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>{label}</span>;
}
