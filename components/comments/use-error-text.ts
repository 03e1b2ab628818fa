"use client";
// Translates an error key from the comment services (with its parameters, e.g. {cap} or {status}), falling back
// to a generic message for unknown keys. Concurrency and cap messages live in the shared "integrity" catalogue.
import { useTranslations } from "next-intl";

export function useErrorText(): (key: string, params?: Record<string, string | number>) => string {
  const t = useTranslations("comments.errors");
  const ti = useTranslations("integrity");
  return (key: string, params: Record<string, string | number> = {}) => {
    const status = typeof params.status === "string" && ti.has(`status.${params.status}`) ? ti(`status.${params.status}` as "status.PENDING") : params.status;
    const values = { ...params, ...(status === undefined ? {} : { status }) };
    if (ti.has(`comment.${key}`)) return ti(`comment.${key}` as "comment.changedWhileEditing", values);
    return t.has(key) ? t(key, values) : t("generic");
  };
}
