import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/service";
import { phasesOf } from "@/lib/consultations/phases";
import { renderMarkdown } from "@/lib/markdown/render";
import { PhaseTimeline } from "@/components/consultations/phase-timeline";
import { ConsultationContributions } from "@/components/submissions/consultation-contributions";
import { ConsultationDrafts } from "@/components/drafts/drafts-list";
import { PublishedSynthesis } from "@/components/synthesis/published-synthesis";
import { FollowButton } from "@/components/follows/follow-button";
import { getCurrentUser } from "@/lib/auth/session";
import { isFollowing } from "@/lib/follows/service";
import { followAction, unfollowAction } from "@/app/actions/follow";
import { OutcomeLink } from "@/components/outcomes/outcome-link";
import { ConsultationSessions } from "@/components/meetings/consultation-sessions";
import { RemoteMessagesPanel } from "@/components/meetings/remote-messages-panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ follow?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await getPublicConsultation((await params).slug);
  return consultation ? { title: consultation.title, description: consultation.summary } : {};
}

export default async function ConsultationPage({ params, searchParams }: Props) {
  const consultation = await getPublicConsultation((await params).slug);
  if (!consultation) notFound();
  const [t, user, { follow }] = await Promise.all([getTranslations("consultation"), getCurrentUser(), searchParams]);
  const following = user ? await isFollowing(user.id, consultation.id) : null;
  const phases = phasesOf(consultation, new Date());

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 dir="auto" className="text-3xl font-semibold">{consultation.title}</h1>
        {consultation.summary ? <p dir="auto" className="text-lg text-stone-800">{consultation.summary}</p> : null}
      </header>
      <div className="grid gap-8 md:grid-cols-3">
        <div className="md:col-span-2 space-y-8">
          <div dir="auto" className="prose-user" dangerouslySetInnerHTML={{ __html: renderMarkdown(consultation.description) }} />
          <section aria-labelledby="themes-heading" className="space-y-3">
            <h2 id="themes-heading" className="text-xl font-semibold">{t("themes")}</h2>
            {consultation.themes.length === 0 ? (
              <p>{t("noThemes")}</p>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2">
                {consultation.themes.map((theme) => (
                  <li key={theme.id} id={`theme-${theme.slug}`} className="rounded border border-stone-200 bg-white p-3">
                    <h3 dir="auto" className="font-semibold">{theme.title}</h3>
                    {theme.description ? <p dir="auto" className="text-sm text-stone-800">{theme.description}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ConsultationDrafts consultationId={consultation.id} consultationSlug={consultation.slug} />
          <ConsultationSessions consultationId={consultation.id} slug={consultation.slug} />
          <RemoteMessagesPanel consultationId={consultation.id} slug={consultation.slug} />
          <PublishedSynthesis slug={consultation.slug} />
          <OutcomeLink slug={consultation.slug} />
        </div>
        <aside aria-labelledby="timeline-heading" className="space-y-3">
          <FollowButton slug={consultation.slug} following={following} outcome={follow} followAction={followAction} unfollowAction={unfollowAction} />
          <h2 id="timeline-heading" className="text-xl font-semibold">{t("timeline")}</h2>
          <PhaseTimeline phases={phases} />
          <ConsultationContributions consultationId={consultation.id} slug={consultation.slug} open={phases.some((p) => p.key === "contributions" && p.state === "open")} />
        </aside>
      </div>
    </article>
  );
}
