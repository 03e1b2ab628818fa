// The outbox: every e-mail the platform wrote, newest first. Without SMTP_URL this is where messages are read.
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { EMAIL_STATUSES, listOutbox } from "@/lib/email/outbox";
import { FilterSelect } from "@/components/ui/filter-select";
import { FormAlert, inputClass } from "@/components/ui/field";
import { OutboxStatus } from "./status-badge";
import { sendTestMessageAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  // The role first, before anything is read (lib/auth/page-guard.ts): 403 for the secretariat, sign-in for visitors.
  await requireRoleForPage("ADMIN");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await getCurrentUser();
  const [t, tStatus, format] = await Promise.all([getTranslations("outbox"), getTranslations("outbox.status"), getFormatter()]);
  if (!hasRole(user, "ADMIN")) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{t("adminsOnly")}</p>
      </div>
    );
  }
  const outbox = await listOutbox(user, params);
  if (!outbox) return null;
  const { rows, nextCursor, filter, templates, smtpConfigured } = outbox;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v && k !== "cursor") q.set(k, String(v));
  const base = q.toString();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <form action={sendTestMessageAction}>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-800">{t("sendTest")}</button>
        </form>
      </div>
      <p className="text-stone-800">{smtpConfigured ? t("introSmtp") : t("introNoSmtp")}</p>
      {params.error ? <FormAlert>{t("forbidden")}</FormAlert> : null}
      <form method="get" className="grid gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-4" aria-label={t("filters")}>
        <FilterSelect id="o-status" name="status" label={t("statusLabel")} allLabel={t("all")} defaultValue={filter.status ?? ""}>
          {EMAIL_STATUSES.map((s) => <option key={s} value={s}>{tStatus(s)}</option>)}
        </FilterSelect>
        <FilterSelect id="o-template" name="template" label={t("template")} allLabel={t("all")} defaultValue={filter.template ?? ""}>
          {templates.map((name) => <option key={name} value={name}>{name}</option>)}
        </FilterSelect>
        <div className="flex flex-col gap-1">
          <label htmlFor="o-to" className="text-sm font-medium">{t("recipient")}</label>
          <input id="o-to" name="to" type="search" defaultValue={filter.to ?? ""} className={inputClass} dir="ltr" />
        </div>
        <div className="flex items-end">
          <button type="submit" className="w-full rounded border border-brand-700 px-4 py-2 text-brand-800">{t("apply")}</button>
        </div>
      </form>
      {rows.length === 0 ? <p>{t("none")}</p> : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("created")}</th>
                <th scope="col" className="p-2 text-start">{t("statusLabel")}</th>
                <th scope="col" className="p-2 text-start">{t("recipient")}</th>
                <th scope="col" className="p-2 text-start">{t("subject")}</th>
                <th scope="col" className="p-2 text-start">{t("template")}</th>
                <th scope="col" className="p-2 text-end">{t("attempts")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-stone-100 align-top">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td className="p-2"><OutboxStatus status={row.status} label={tStatus(row.status)} /></td>
                  <td className="p-2 break-all" dir="ltr">{row.toAddress}</td>
                  <td className="p-2">
                    <Link className="text-brand-800 underline" href={`/secretariat/outbox/${row.id}`} dir="auto">{row.subject ?? t("notRendered")}</Link>
                  </td>
                  <td className="p-2 font-mono text-xs">{row.template}</td>
                  <td className="p-2 text-end">{row.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? <p><Link className="text-brand-800 underline" href={`/secretariat/outbox?${base ? `${base}&` : ""}cursor=${encodeURIComponent(nextCursor)}`}>{t("older")}</Link></p> : null}
    </div>
  );
}
