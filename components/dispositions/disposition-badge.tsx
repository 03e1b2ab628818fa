// A disposition as a coloured label (text always says it: colour is never the only cue). No hooks: server or client.
import type { DispositionKindName } from "@/lib/dispositions/kinds";

const STYLE: Record<DispositionKindName | "NONE", string> = {
  ACCEPTED: "border-green-800 bg-green-50 text-green-950",
  PARTLY_ACCEPTED: "border-teal-800 bg-teal-50 text-teal-950",
  NOT_ACCEPTED: "border-red-800 bg-red-50 text-red-950",
  OUT_OF_SCOPE: "border-stone-600 bg-stone-100 text-stone-900",
  ANSWERED: "border-sky-800 bg-sky-50 text-sky-950",
  NONE: "border-dashed border-stone-500 bg-white text-stone-800",
};

export function DispositionBadge({ kind, label }: { kind: DispositionKindName | null; label: string }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-sm font-semibold ${STYLE[kind ?? "NONE"]}`}>{label}</span>;
}
