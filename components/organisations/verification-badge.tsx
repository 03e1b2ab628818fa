// An organisation's verification state as a labelled badge (text, not colour alone).
import { getTranslations } from "next-intl/server";

const STYLE = {
  VERIFIED: "border-green-800 bg-green-50 text-green-900",
  UNVERIFIED: "border-stone-500 bg-stone-50 text-stone-800",
  SUSPENDED: "border-red-800 bg-red-50 text-red-900",
} as const;

export async function VerificationBadge({ state }: { state: keyof typeof STYLE }) {
  const t = await getTranslations("organisations.verification");
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${STYLE[state]}`}>{t(state)}</span>;
}
