import type { PhaseState } from "@/lib/consultations/phases";

const STYLES: Record<PhaseState, string> = {
  open: "bg-green-100 text-green-900 border-green-700",
  upcoming: "bg-amber-50 text-amber-900 border-amber-700",
  closed: "bg-stone-100 text-stone-800 border-stone-500",
  unscheduled: "bg-stone-100 text-stone-800 border-stone-500",
};

export function PhaseBadge({ label, state, stateLabel }: { label: string; state: PhaseState; stateLabel: string }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm ${STYLES[state]}`}>
      <span>{label}:</span>{" "}
      <strong className="font-semibold">{stateLabel}</strong>
    </span>
  );
}

export function StateBadge({ state, label }: { state: PhaseState; label: string }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[state]}`}>{label}</span>;
}
