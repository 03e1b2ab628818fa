import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { getTranslations } from "next-intl/server";
import { ConsultationForm } from "@/components/secretariat/consultation-form";
import { createConsultationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("admin.form"))("newTitle") };
}

export default async function NewConsultationPage() {
  await requireRoleForPage();
  const t = await getTranslations("admin.form");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <ConsultationForm
        action={createConsultationAction}
        submitLabel={t("create")}
        values={{
          slug: "", title: "", summary: "", description: "", status: "DRAFT", referencePrefix: "IGF", moderationMode: "PRE",
          contributionsOpenAt: "", contributionsCloseAt: "", commentsOpenAt: "", commentsCloseAt: "",
        }}
      />
    </div>
  );
}
