// One outbox message: envelope, status and attempts, its links, the plain-text part, and the HTML body in a sandbox.
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { getOutboxMessage } from "@/lib/email/outbox";
import { FormAlert } from "@/components/ui/field";
import { OutboxStatus } from "../status-badge";
import { retryMessageAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("messageTitle") };
}

export default async function OutboxMessagePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The role first, before anything is read (lib/auth/page-guard.ts): 403 for the secretariat, sign-in for visitors.
  await requireRoleForPage("ADMIN");
  const [{ id }, search, user] = await Promise.all([params, searchParams, getCurrentUser()]);
  const [t, tStatus, format] = await Promise.all([getTranslations("outbox"), getTranslations("outbox.status"), getFormatter()]);
  if (!hasRole(user, "ADMIN")) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("messageTitle")}</h1>
        <p>{t("adminsOnly")}</p>
      </div>
    );
  }
  const message = await getOutboxMessage(user, id);
  if (!message) notFound();
  const when = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "medium" }) : "—");

  return (
    <div className="space-y-6">
      <p><Link href="/secretariat/outbox" className="text-brand-800 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-semibold" dir="auto">{message.subject ?? t("notRendered")}</h1>
      {search.sent ? <FormAlert tone="success">{t("testQueued")}</FormAlert> : null}
      {search.suppressed ? <FormAlert>{t("testSuppressed")}</FormAlert> : null}
      {search.retried ? <FormAlert tone="success">{t("retried")}</FormAlert> : null}
      {search.error ? <FormAlert>{t("notRetryable")}</FormAlert> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-stone-200 bg-white p-4 text-sm">
        <dt className="font-medium">{t("statusLabel")}</dt>
        <dd><OutboxStatus status={message.status} label={tStatus(message.status)} /></dd>
        <dt className="font-medium">{t("recipient")}</dt>
        <dd className="break-all" dir="ltr">{message.toAddress}</dd>
        <dt className="font-medium">{t("language")}</dt>
        <dd>{message.locale}</dd>
        <dt className="font-medium">{t("template")}</dt>
        <dd className="font-mono">{message.template}</dd>
        <dt className="font-medium">{t("category")}</dt>
        <dd>{message.essential ? t("essential", { category: message.category }) : message.category}</dd>
        <dt className="font-medium">{t("created")}</dt>
        <dd>{when(message.createdAt)}</dd>
        <dt className="font-medium">{t("sent")}</dt>
        <dd>{when(message.sentAt)}</dd>
        <dt className="font-medium">{t("attempts")}</dt>
        <dd>{message.attempts}</dd>
        <dt className="font-medium">{t("messageId")}</dt>
        <dd className="break-all font-mono text-xs" dir="ltr">{message.messageId}</dd>
        {Object.entries(message.headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-medium font-mono text-xs">{name}</dt>
            <dd className="break-all font-mono text-xs" dir="ltr">{value}</dd>
          </div>
        ))}
        {message.lastError ? (
          <>
            <dt className="font-medium">{t("lastError")}</dt>
            <dd className="break-all">{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      {message.status === "FAILED" ? (
        <form action={retryMessageAction}>
          <input type="hidden" name="id" value={message.id} />
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">{t("retry")}</button>
        </form>
      ) : null}
      {message.wiped ? <p className="rounded border border-stone-300 bg-stone-50 p-3">{t("wiped")}</p> : null}
      {message.html === null && !message.wiped ? <p>{t("notRenderedYet")}</p> : null}
      {message.links.length > 0 ? (
        <section aria-labelledby="links-heading" className="space-y-2">
          <h2 id="links-heading" className="text-lg font-semibold">{t("links")}</h2>
          <ul className="list-disc space-y-1 ps-6">
            {message.links.map((href) => (
              <li key={href}><a href={href} className="break-all text-brand-800 underline" dir="ltr">{href}</a></li>
            ))}
          </ul>
        </section>
      ) : null}
      {message.html !== null ? (
        <section aria-labelledby="html-heading" className="space-y-2">
          <h2 id="html-heading" className="text-lg font-semibold">{t("htmlPart")}</h2>
          {/* A separate document with its own strict policy, sandboxed: the message's markup never runs in this page. */}
          <iframe
            src={`/secretariat/outbox/${message.id}/body`}
            title={t("htmlFrame")}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            className="h-[36rem] w-full rounded border border-stone-300 bg-white"
          />
        </section>
      ) : null}
      {message.text !== null ? (
        <section aria-labelledby="text-heading" className="space-y-2">
          <h2 id="text-heading" className="text-lg font-semibold">{t("textPart")}</h2>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded border border-stone-300 bg-white p-4 text-sm" dir="auto">{message.text}</pre>
        </section>
      ) : null}
    </div>
  );
}
