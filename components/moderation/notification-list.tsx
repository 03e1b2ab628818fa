// A reader's notifications, in their language, built from the stored parameters.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { messageValuesOf } from "@/lib/notifications/kinds";
import type { NotificationView } from "@/lib/notifications/service";

export async function NotificationList({ items }: { items: NotificationView[] }) {
  const t = await getTranslations("notifications");
  if (items.length === 0) return <p className="rounded border border-stone-200 bg-white p-4">{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {items.map((n) => {
        const p = n.params;
        const kind = n.kind === "unknown" || !p ? null : n.kind;
        return (
          <li key={n.id} className={`rounded border bg-white p-4 ${n.read ? "border-stone-200" : "border-s-4 border-brand-700"}`}>
            <p className="font-medium" dir="auto">
              {!n.read ? <span className="me-2 rounded bg-brand-700 px-2 py-0.5 text-xs text-white">{t("new")}</span> : null}
              {kind && p ? t(`kinds.${kind}`, messageValuesOf(p, n.createdAt, t("someone"))) : t("kinds.unknown")}
            </p>
            {p?.reason ? <p className="mt-1" dir="auto"><span className="font-medium">{kind === "changesRequested" ? t("note") : t("reason")}</span> {p.reason}</p> : null}
            <p className="mt-1 text-sm text-stone-700">{t("when", { date: n.createdAt })}</p>
            {n.link ? <p className="mt-1"><Link className="text-brand-800 underline" href={n.link}>{t("open")}</Link></p> : null}
          </li>
        );
      })}
    </ul>
  );
}
