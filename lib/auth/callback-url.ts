// Only same-site paths are allowed as post-sign-in destinations and redirect targets (no open redirects). The value
// is parsed with the URL parser against a placeholder origin; anything that lands elsewhere, or that carries control
// characters or backslashes (raw or percent-encoded: "/%09/evil.example" is "//evil.example" to some parsers), is
// refused.
const PLACEHOLDER = "http://agora.invalid";
// C0 controls, DEL, and backslash (browsers read "\" as "/").
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The path (with query and fragment) of a same-site destination, or the fallback. */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || UNSAFE.test(raw)) return fallback;
  const plain = decoded(raw);
  if (plain === null || UNSAFE.test(plain) || plain.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: absolute URLs of this site and same-site paths; anything else goes home. */
export function safeRedirect(url: string, baseUrl: string): string {
  let target = url;
  try {
    const absolute = new URL(url);
    const base = new URL(baseUrl);
    if (absolute.origin !== base.origin) return baseUrl;
    target = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  } catch {
    // a path: checked below
  }
  const path = safeCallbackUrl(target, "/");
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
