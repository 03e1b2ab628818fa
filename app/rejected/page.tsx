// The site's own page for a request the proxy refused (proxy.ts rewrites here, ?status=400|403|411|413|415, and
// answers with that status). Visited directly it explains the same thing; it reads nothing but that parameter.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

const STATUSES = ["400", "403", "411", "413", "415"] as const;
type Status = (typeof STATUSES)[number];

type Props = { searchParams: Promise<{ status?: string | string[] }> };

function statusOf(raw: string | string[] | undefined): Status {
  return typeof raw === "string" && (STATUSES as readonly string[]).includes(raw) ? (raw as Status) : "400";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const status = statusOf((await searchParams).status);
  const t = await getTranslations("integrity.rejected");
  return { title: t(`${status}.title`), robots: { index: false } };
}

export default async function RejectedPage({ searchParams }: Props) {
  const status = statusOf((await searchParams).status);
  const t = await getTranslations("integrity.rejected");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t(`${status}.title`)}</h1>
      <p>{t(`${status}.body`)}</p>
      <p className="text-sm text-stone-700">{t("code", { status })}</p>
      <Link href="/" className="text-brand-700 underline">{t("backHome")}</Link>
    </div>
  );
}
