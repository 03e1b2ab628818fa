// Where e-mail goes: SMTP when SMTP_URL and MAIL_FROM are set, else the outbox only (read at /secretariat/outbox).
import "server-only";
import { parseEnv } from "../env";

export interface MailConfig {
  /** null: no SMTP server, messages are held in the outbox */
  smtpUrl: string | null;
  from: string;
  /** The public site URL every link in a message starts with (NEXTAUTH_URL). */
  siteUrl: string;
  /** Right-hand side of Message-IDs: the site's host name. */
  messageIdDomain: string;
}

/** Read on every use rather than cached, so tests (and a worker that outlives a config change) see the current values. */
export function mailConfig(source: Record<string, string | undefined> = process.env): MailConfig {
  const env = parseEnv(source);
  const siteUrl = (env.NEXTAUTH_URL ?? `http://localhost:${source.PORT ?? "3000"}`).replace(/\/+$/, "");
  const host = new URL(siteUrl).hostname || "agora.invalid";
  return {
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM ?? `Agora <noreply@${host.includes(".") ? host : `${host}.invalid`}>`,
    siteUrl,
    messageIdDomain: host,
  };
}

/** An absolute link to a page of the site, for messages. */
export function siteLink(config: Pick<MailConfig, "siteUrl">, pathname: string, query: Record<string, string> = {}): string {
  // Relative to the site URL, so a site served under a path prefix keeps it.
  const url = new URL(pathname.replace(/^\/+/, ""), `${config.siteUrl}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
