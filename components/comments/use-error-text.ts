"use client";
// Translates an error key from the comment services, falling back to a generic message for unknown keys.
import { useTranslations } from "next-intl";

export function useErrorText(): (key: string) => string {
  const t = useTranslations("comments.errors");
  return (key: string) => (t.has(key) ? t(key) : t("generic"));
}
