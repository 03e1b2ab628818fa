// The site's 403 page: a signed-in person opened a page their role does not allow (forbidden() in lib/auth/page-guard.ts).
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("admin");
  const te = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <Link href="/" className="text-brand-700 underline">{te("backHome")}</Link>
    </div>
  );
}
