// The message catalogues a subtree's client components read with next-intl's useTranslations, and only those
// namespaces. The root layout sends none: a page whose client code translates nothing carries no catalogue in its HTML
// (the whole catalogue is about 150 KB of JSON) and no next-intl code in its scripts (about 12 KB gzipped).
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

/** Top-level namespaces of the catalogues (messages/<lang>/*.json), e.g. "auth", "accounts", "comments". */
export async function ClientMessages({ namespaces, children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  if (namespaces) {
    const unknown = namespaces.filter((n) => !(n in messages));
    // A misspelt namespace would show its keys instead of text: fail where it is written, not on a reader's screen.
    if (unknown.length > 0) throw new Error(`ClientMessages: no message namespace ${unknown.join(", ")}`);
  }
  const picked = namespaces ? Object.fromEntries(namespaces.map((n) => [n, messages[n]])) : messages;
  return <NextIntlClientProvider locale={locale} messages={picked}>{children}</NextIntlClientProvider>;
}
