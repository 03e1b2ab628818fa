// Reason templates the secretariat picks from when rejecting, requesting changes or hiding, and when answering comments.
import { translationGaps } from "@/lib/i18n/editor";
import { TranslationsLink } from "@/components/i18n/translations-link";
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { getTranslations } from "next-intl/server";
import { listReasonTemplates } from "@/lib/moderation/reasons";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { saveReasonAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("moderation.reasons"))("title") };
}

const KINDS = ["REJECT", "REQUEST_CHANGES", "HIDE", "DISPOSITION"] as const;
const ERRORS = new Set(["labelRequired", "labelTooLong", "textRequired", "reasonTooLong", "kindInvalid", "forbidden", "notFound"]);

function TemplateForm({ t, tKinds, template }: {
  t: Awaited<ReturnType<typeof getTranslations<"moderation.reasons">>>;
  tKinds: Awaited<ReturnType<typeof getTranslations<"moderation.reasonKinds">>>;
  template?: { id: string; kind: (typeof KINDS)[number]; label: string; text: string };
}) {
  const p = template ? `t-${template.id}` : "new";
  return (
    <form action={saveReasonAction} className="space-y-3">
      {template ? <input type="hidden" name="id" value={template.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${p}-kind`} className="font-medium">{t("kind")}</label>
          <select id={`${p}-kind`} name="kind" defaultValue={template?.kind ?? "REJECT"} className={inputClass}>
            {KINDS.map((k) => <option key={k} value={k}>{tKinds(k)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${p}-label`} className="font-medium">{t("label")}</label>
          <input id={`${p}-label`} name="label" defaultValue={template?.label ?? ""} maxLength={80} required className={inputClass} />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${p}-text`} className="font-medium">{t("text")}</label>
        <textarea id={`${p}-text`} name="text" defaultValue={template?.text ?? ""} rows={3} maxLength={2000} required className={inputClass} />
      </div>
      <div className="flex gap-2">
        <button type="submit" name="intent" value="save" className={buttonClass}>{template ? t("save") : t("add")}</button>
        {template ? <button type="submit" name="intent" value="delete" className="rounded border border-red-700 px-4 py-2 text-red-800">{t("delete")}</button> : null}
      </div>
    </form>
  );
}

export default async function ReasonsPage({ searchParams }: { searchParams: Promise<{ saved?: string; error?: string }> }) {
  const sp = await searchParams;
  const user = await requireRoleForPage();
  const [templates, t, tKinds] = await Promise.all([listReasonTemplates(user), getTranslations("moderation.reasons"), getTranslations("moderation.reasonKinds")]);
  const gaps = await translationGaps(user, "reasonTemplate", templates.map((tpl) => tpl.id));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {sp.saved ? <FormAlert tone="success">{sp.saved === "deleted" ? t("deleted") : t("saved")}</FormAlert> : null}
      {sp.error ? <FormAlert>{t(`errors.${ERRORS.has(sp.error) ? sp.error : "generic"}`)}</FormAlert> : null}
      <section aria-labelledby="new-h" className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h2 id="new-h" className="text-lg font-semibold">{t("new")}</h2>
        <TemplateForm t={t} tKinds={tKinds} />
      </section>
      <section aria-labelledby="list-h" className="space-y-3">
        <h2 id="list-h" className="text-lg font-semibold">{t("existing")}</h2>
        {templates.length === 0 ? <p>{t("none")}</p> : templates.map((tpl) => (
          <div key={tpl.id} className="rounded border border-stone-200 bg-white p-4">
            <TemplateForm t={t} tKinds={tKinds} template={tpl} />
            <TranslationsLink kind="reasonTemplate" id={tpl.id} gaps={gaps.get(tpl.id) ?? 0} />
          </div>
        ))}
      </section>
    </div>
  );
}
