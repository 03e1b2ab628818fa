// Turns an outbox row into its subject, HTML, plain text and links, in the recipient's language.
// Runs in the job worker (plain Node), never in Next's React Server Components layer, which refuses react-dom/server.
import "server-only";
import { createTranslator } from "next-intl";
import { render, toPlainText } from "@react-email/components";
import { catalogues } from "../i18n/messages";
import { DEFAULT_LOCALE, directionOf, isLocale } from "../i18n/config";
import type { EmailContext } from "./define";
import { emailTemplate } from "./templates";
import { siteLink, type MailConfig } from "./config";
import { unsubscribePageUrl, unsubscribeToken } from "./unsubscribe";

export interface RenderableEmail {
  template: string;
  params: unknown;
  locale: string;
  toAddress: string;
  userId: string | null;
  category: string;
  essential: boolean;
  recipientName?: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** Every link of the message, in order, without duplicates: printed to the console and listed in the outbox. */
  links: string[];
}

export class EmailRenderError extends Error {
  override name = "EmailRenderError";
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_all, entity: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[entity] ?? "");
}

export function linksOf(html: string): string[] {
  const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)].map((match) => decodeEntities(match[1] ?? "")).filter((href) => /^https?:\/\//.test(href));
  return [...new Set(links)];
}

export async function renderEmail(message: RenderableEmail, config: Pick<MailConfig, "siteUrl">): Promise<RenderedEmail> {
  const template = emailTemplate(message.template);
  if (!template) throw new EmailRenderError(`unknown e-mail template "${message.template}"`);
  const parsed = template.params.safeParse(message.params);
  if (!parsed.success) {
    throw new EmailRenderError(`parameters of ${message.template} do not parse: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const locale = isLocale(message.locale) ? message.locale : DEFAULT_LOCALE;
  const translator = createTranslator({ locale, messages: catalogues()[locale] as never });
  const t = (key: string, values?: Record<string, string | number | Date>) => translator(key as never, values as never) as string;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  const token = !message.essential && message.userId ? unsubscribeToken(message.userId, message.category) : null;
  const ctx: EmailContext = {
    locale,
    dir: directionOf(locale),
    t,
    siteName: t("app.name"),
    link: (pathname, query) => siteLink(config, pathname, query),
    formatDateTime: (value) => `${dateTime.format(new Date(value))} UTC`,
    unsubscribeUrl: token ? unsubscribePageUrl(config, token) : null,
    recipient: { name: message.recipientName ?? null, address: message.toAddress },
  };
  const { Body } = template;
  const html = await render(<Body ctx={ctx} params={parsed.data} />);
  return { subject: template.subject(ctx, parsed.data), html, text: toPlainText(html), links: linksOf(html) };
}
