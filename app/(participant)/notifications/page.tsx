// In-app notifications: what the secretariat did with the reader's contributions and comments.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/service";
import { NotificationList } from "@/components/moderation/notification-list";
import { markAllReadAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/notifications");
  const { cursor } = await searchParams;
  const [t, page, unread] = await Promise.all([getTranslations("notifications"), listNotifications(user.id, cursor), unreadNotificationCount(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {unread > 0 ? (
          <form action={markAllReadAction}>
            <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">{t("markAllRead")}</button>
          </form>
        ) : null}
      </div>
      <p>{t("unread", { count: unread })}</p>
      <p><Link className="text-brand-800 underline" href="/profile#notification-settings">{t("settings")}</Link></p>
      <NotificationList items={page.items} />
      {page.nextCursor ? <p><Link className="text-brand-800 underline" href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`}>{t("older")}</Link></p> : null}
    </div>
  );
}
