"use client";
// Translates an error key from the contribution services with its parameters ({cap}, {count}, {status}...): the
// submissions catalogue first, then the shared "integrity" one (concurrency messages), else the generic message.
import { useTranslations } from "next-intl";

export function useContributionMessage(): (key: string, params?: Record<string, string | number>) => string {
  const t = useTranslations("submissions");
  const ti = useTranslations("integrity");
  return (key: string, params: Record<string, string | number> = {}) => {
    const status = typeof params.status === "string" && ti.has(`status.${params.status}`) ? ti(`status.${params.status}` as "status.PENDING") : params.status;
    const values = { ...params, ...(status === undefined ? {} : { status }) };
    if (t.has(`errors.${key}`)) return t(`errors.${key}` as "errors.generic", values);
    if (ti.has(`contribution.${key}`)) return ti(`contribution.${key}` as "contribution.changedWhileEditing", values);
    return t("errors.generic");
  };
}
