// Language names in the reader's language ("French", "francés", "法语"), never bare codes. Client-safe.

const cache = new Map<string, Intl.DisplayNames>();

/** The name of language `code` written in `displayLocale`; the code itself only if the runtime knows no name. */
export function languageName(code: string, displayLocale: string): string {
  let names = cache.get(displayLocale);
  if (!names) {
    names = new Intl.DisplayNames([displayLocale], { type: "language", fallback: "code" });
    cache.set(displayLocale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
