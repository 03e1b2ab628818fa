// The colour and label of an outbox message's status.
import type { EmailStatus } from "@/lib/db/generated/enums";

const TONE: Record<EmailStatus, string> = {
  QUEUED: "border-amber-700 text-amber-900 bg-amber-50",
  SENDING: "border-amber-700 text-amber-900 bg-amber-50",
  SENT: "border-green-700 text-green-900 bg-green-50",
  HELD: "border-brand-700 text-brand-900 bg-brand-50",
  FAILED: "border-red-700 text-red-900 bg-red-50",
  SUPPRESSED: "border-stone-500 text-stone-800 bg-stone-100",
};

export function OutboxStatus({ status, label }: { status: EmailStatus; label: string }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${TONE[status]}`}>{label}</span>;
}
