// The audit log: moderation events and audit events together, newest first, filterable and exportable as CSV.
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { auditActions, listAuditLog } from "@/lib/audit/queries";
import { queueFilterOptions } from "@/lib/moderation/queue";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("audit"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await requireRoleForPage();
  const [log, actions, options, t, format] = await Promise.all([listAuditLog(user, params), auditActions(), queueFilterOptions(), getTranslations("audit"), getFormatter()]);
  if (!log) return null;
  const { rows, nextCursor, filter } = log;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v && k !== "cursor") q.set(k, String(v));
  const base = q.toString();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <a href={`/secretariat/audit/export${base ? `?${base}` : ""}`} className="rounded border border-brand-700 px-3 py-1 text-brand-800" download>{t("export")}</a>
      </div>
      <form method="get" className="grid gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-4" aria-label={t("filters")}>
        <FilterSelect id="a-consultation" name="consultation" label={t("consultation")} allLabel={t("all")} defaultValue={filter.consultation ?? ""}>
          {options.consultations.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
        </FilterSelect>
        <FilterSelect id="a-source" name="source" label={t("source")} allLabel={t("all")} defaultValue={filter.source ?? ""}>
          <option value="moderation">{t("sourceModeration")}</option>
          <option value="audit">{t("sourceAudit")}</option>
        </FilterSelect>
        <FilterSelect id="a-action" name="action" label={t("action")} allLabel={t("all")} defaultValue={filter.action ?? ""}>
          {actions.map((a) => <option key={a} value={a}>{a}</option>)}
        </FilterSelect>
        <div className="flex flex-col gap-1">
          <label htmlFor="a-actor" className="text-sm font-medium">{t("actor")}</label>
          <input id="a-actor" name="actor" defaultValue={filter.actor ?? ""} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="a-entity" className="text-sm font-medium">{t("entity")}</label>
          <input id="a-entity" name="entity" defaultValue={filter.entity ?? ""} className={inputClass} dir="ltr" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="a-from" className="text-sm font-medium">{t("from")}</label>
          <input id="a-from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="a-to" className="text-sm font-medium">{t("to")}</label>
          <input id="a-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end">
          <button type="submit" className="w-full rounded border border-brand-700 px-4 py-2 text-brand-800">{t("apply")}</button>
        </div>
      </form>
      {rows.length === 0 ? <p>{t("none")}</p> : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("time")}</th>
                <th scope="col" className="p-2 text-start">{t("actor")}</th>
                <th scope="col" className="p-2 text-start">{t("action")}</th>
                <th scope="col" className="p-2 text-start">{t("entity")}</th>
                <th scope="col" className="p-2 text-start">{t("detailsCol")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.source}-${r.id}`} className="border-b border-stone-100 align-top">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td className="p-2">{r.actorName ?? t("system")}</td>
                  <td className="p-2 font-mono">{r.action}</td>
                  <td className="p-2">
                    <Link className="text-brand-800 underline" href={`/secretariat/audit?entity=${encodeURIComponent(r.entityId)}`}>{r.entityType} {r.entityId.slice(0, 10)}</Link>
                    {r.consultationSlug ? <span className="block text-stone-700">{r.consultationSlug}</span> : null}
                  </td>
                  <td className="p-2">
                    {r.fromStatus || r.toStatus ? <span className="block">{r.fromStatus} → {r.toStatus}</span> : null}
                    {r.reason ? <span className="block">{t("reason")} {r.reason}</span> : null}
                    {r.details && r.source === "audit" ? <code className="block break-all text-xs">{JSON.stringify(r.details)}</code> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? <p><Link className="text-brand-800 underline" href={`/secretariat/audit?${base ? `${base}&` : ""}cursor=${encodeURIComponent(nextCursor)}`}>{t("older")}</Link></p> : null}
    </div>
  );
}
