// Organisation addresses and e-mail domains: pure helpers shared by the service, the seed and the tests.

/** "Internet Society (ISOC)" -> "internet-society-isoc": lower-case ASCII words joined by hyphens, at most 60 characters. */
export function slugOf(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  // A name in another script leaves nothing: the caller adds a suffix that makes it unique.
  return ascii || "organisation";
}

/** A slug as it may appear in an address (what slugOf produces, or slugOf plus a suffix). */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 80;
}

/**
 * Addresses anybody can get: never an organisation's domain, whatever the secretariat types, or everyone with a
 * webmail account would join at once.
 */
export const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.fr", "ymail.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "gmx.de", "web.de",
  "mail.com", "mail.ru", "yandex.ru", "yandex.com", "qq.com", "163.com", "126.com", "sina.com", "naver.com", "zoho.com",
  "tutanota.com", "fastmail.com", "orange.fr", "free.fr", "laposte.net", "example.com", "test.example",
];

/** "ITU.int " -> "itu.int"; null when it is not a domain name an organisation could own. */
export function normaliseDomain(raw: string): string | null {
  const domain = raw.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (domain.length < 4 || domain.length > 253) return null;
  if (!/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) return null;
  if (PUBLIC_MAIL_DOMAINS.includes(domain)) return null;
  return domain;
}

/** The domain of an address, lower case ("Ana@Mail.ITU.int" -> "mail.itu.int"). */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).trim().toLowerCase();
}

/** True when the address is on one of the domains or a subdomain of one (a subdomain belongs to the domain's owner). */
export function isOnDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  if (!domain) return false;
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * The domain the moderation queue groups accounts by (lib/moderation/accounts.ts): a verified address on a domain
 * somebody owns, never a webmail provider's (anybody has a gmail.com address).
 */
export function groupingDomainOf(email: string, verified: boolean): string | null {
  if (!verified) return null;
  return normaliseDomain(emailDomainOf(email));
}
