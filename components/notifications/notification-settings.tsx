// On the profile page: e-mail preferences and the consultations the person follows (each with its unfollow button).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { KIND_GROUPS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import type { Preferences } from "@/lib/notifications/preferences";
import { FormAlert } from "@/components/ui/field";
import { NotificationSettingsForm, type PreferencesActionState, type PreferencesView } from "./notification-settings-form";

export function preferencesView(p: Preferences): PreferencesView {
  return { emailOn: NOTIFICATION_KINDS.filter((k) => !p.emailOff.includes(k)), allEmailOff: p.allEmailOff, delivery: p.delivery, version: p.version };
}

interface Props {
  email: string;
  preferences: Preferences;
  followed: { slug: string; title: string; contributionsCloseAt: Date | null }[];
  followOutcome?: string;
  saveAction: (state: PreferencesActionState, formData: FormData) => Promise<PreferencesActionState>;
  unfollowAction: (formData: FormData) => Promise<void>;
}

export async function NotificationSettings({ email, preferences, followed, followOutcome, saveAction, unfollowAction }: Props) {
  const [t, tf] = await Promise.all([getTranslations("notificationSettings"), getTranslations("follow")]);
  return (
    <>
      <section id="notification-settings" aria-labelledby="notification-settings-heading" className="space-y-3">
        <h2 id="notification-settings-heading" className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-stone-800">{t("intro", { email })}</p>
        <NotificationSettingsForm action={saveAction} preferences={preferencesView(preferences)} groups={KIND_GROUPS} />
      </section>
      <section id="following" aria-labelledby="following-heading" className="space-y-3">
        <h2 id="following-heading" className="text-xl font-semibold">{tf("listTitle")}</h2>
        {followOutcome === "unfollowed" ? <FormAlert tone="success">{tf("unfollowed")}</FormAlert> : null}
        {followed.length === 0 ? (
          <p>{tf("none")}</p>
        ) : (
          <ul className="space-y-2">
            {followed.map((c) => (
              <li key={c.slug} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white p-3">
                <span>
                  <Link className="font-medium text-brand-800 underline" href={`/consultations/${c.slug}`} dir="auto">{c.title}</Link>
                  {c.contributionsCloseAt ? <span className="block text-sm text-stone-700">{tf("closes", { date: c.contributionsCloseAt })}</span> : null}
                </span>
                <form action={unfollowAction}>
                  <input type="hidden" name="slug" value={c.slug} />
                  <input type="hidden" name="from" value="profile" />
                  <button type="submit" aria-label={tf("unfollowNamed", { title: c.title })} className="rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50">{tf("unfollow")}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
