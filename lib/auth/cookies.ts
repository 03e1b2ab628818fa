// Cookie settings that follow the site URL: Secure (and next-auth's __Secure- prefix) when it is https.
export function siteUsesHttps(source: Record<string, string | undefined> = process.env): boolean {
  return (source.NEXTAUTH_URL ?? "").startsWith("https://");
}

/** The name next-auth gives the session cookie. */
export function sessionCookieName(secure: boolean = siteUsesHttps()): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
