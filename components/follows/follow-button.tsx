// "Follow this consultation" on its page: a plain form posting to a server action, so it works without JavaScript.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/ui/field";

interface Props {
  slug: string;
  /** null when nobody is signed in */
  following: boolean | null;
  /** the outcome of the last post (from the redirect's ?follow=) */
  outcome?: string;
  followAction: (formData: FormData) => Promise<void>;
  unfollowAction: (formData: FormData) => Promise<void>;
}

const OUTCOMES = new Set(["followed", "unfollowed", "notFound", "signInRequired"]);

export async function FollowButton({ slug, following, outcome, followAction, unfollowAction }: Props) {
  const t = await getTranslations("follow");
  const button = "rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-800 hover:bg-brand-50";
  const shown = outcome && OUTCOMES.has(outcome) ? outcome : null;
  return (
    <section id="follow" aria-labelledby="follow-heading" className="space-y-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="follow-heading" className="sr-only">{t("heading")}</h2>
      {shown === "followed" || shown === "unfollowed" ? <FormAlert tone="success">{t(shown)}</FormAlert> : null}
      {shown === "notFound" || shown === "signInRequired" ? <FormAlert>{t(`errors.${shown}`)}</FormAlert> : null}
      {following === null ? (
        <p><Link className="font-medium text-brand-800 underline" href={`/signin?callbackUrl=${encodeURIComponent(`/consultations/${slug}`)}`}>{t("signIn")}</Link></p>
      ) : following ? (
        <form action={unfollowAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="slug" value={slug} />
          <p className="font-medium">{t("following")}</p>
          <button type="submit" className={button}>{t("unfollow")}</button>
        </form>
      ) : (
        <form action={followAction}>
          <input type="hidden" name="slug" value={slug} />
          <button type="submit" className={button}>{t("follow")}</button>
        </form>
      )}
      <p className="text-sm text-stone-700">{t("hint")}</p>
    </section>
  );
}
