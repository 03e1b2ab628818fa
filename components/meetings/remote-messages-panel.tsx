// The consultation page's remote messages: how many, the latest few, and a link to the whole stream.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listPublicRemoteMessages } from "@/lib/meetings/remote";
import { RemoteMessageItem } from "./remote-message-item";

export async function RemoteMessagesPanel({ consultationId, slug }: { consultationId: string; slug: string }) {
  const list = await listPublicRemoteMessages(consultationId);
  if (list.total === 0) return null;
  const [t, format] = await Promise.all([getTranslations("meetings.remotePublic"), getFormatter()]);
  return (
    <section aria-labelledby="remote-heading" className="space-y-3">
      <h2 id="remote-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p>{t("intro", { count: list.total })}</p>
      <ul className="space-y-2">
        {list.items.slice(0, 5).map((m) => <RemoteMessageItem key={m.id} message={m} postedAt={format.dateTime(m.postedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} hiddenLabel={t("hidden")} />)}
      </ul>
      <p><Link href={`/consultations/${slug}/remote`} className="text-brand-800 underline">{t("all", { count: list.total })}</Link></p>
    </section>
  );
}
