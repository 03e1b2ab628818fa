// An organisation's managers (and the secretariat) approve or refuse requests to join and remove members.
import { OrgNotices } from "@/components/organisations/notices";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { isSlug } from "@/lib/organisations/slug";
import { organisationMembers } from "@/lib/organisations/service";
import { Members, PendingRequests } from "@/components/organisations/member-lists";
import { VerificationBadge } from "@/components/organisations/verification-badge";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("membersTitle") };
}

export default async function MembersPage({ params }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/organisations/${slug}/members`)}`);
  // Managers of this organisation and the secretariat only: anyone else gets the same 404 as a missing organisation.
  const data = await organisationMembers(user, slug);
  if (!data) notFound();
  const t = await getTranslations("organisations");
  return (
    <div className="space-y-8">
      <ClientMessages namespaces={["organisations"]}>
      <OrgNotices>
      <header className="space-y-2">
        <p><Link href={`/organisations/${data.organisation.slug}`} className="text-brand-800 underline" dir="auto">{data.organisation.name}</Link></p>
        <h1 className="text-2xl font-semibold">{t("membersTitle")}</h1>
        <p className="flex items-center gap-2"><VerificationBadge state={data.organisation.verification} /></p>
        <p>{data.rights === "MANAGER" ? t("managerIntro") : t("secretariatIntro")}</p>
      </header>
      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-xl font-semibold">{t("pendingRequests", { count: data.pending.length })}</h2>
        <PendingRequests rows={data.pending} rights={data.rights} actorId={data.actorId} />
      </section>
      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-xl font-semibold">{t("members", { count: data.members.length })}</h2>
        <Members rows={data.members} rights={data.rights} actorId={data.actorId} />
      </section>
      </OrgNotices>
      </ClientMessages>
    </div>
  );
}
