// The shape of an e-mail template: a name, what it is about, its parameters (zod) and how it reads, in React.
// Each template is one file in lib/email/templates/ and one entry in lib/email/templates/index.ts.
import type { ReactElement } from "react";
import type { z } from "zod";

/** Translates a key of the recipient's catalogue (messages/<locale>/*.json), with ICU arguments. */
export type EmailTranslate = (key: string, values?: Record<string, string | number | Date>) => string;

/** What a template's subject and body are rendered with; built by lib/email/render.tsx for one message. */
export interface EmailContext {
  locale: string;
  dir: "ltr" | "rtl";
  t: EmailTranslate;
  /** The platform's name in the recipient's language (app.name). */
  siteName: string;
  /** An absolute link to a page of the site. */
  link(pathname: string, query?: Record<string, string>): string;
  /** Formats a date and time in the recipient's language (UTC, as the site shows them). */
  formatDateTime(value: Date | string): string;
  /** Set on non-essential messages: the page that unsubscribes the recipient from this message's category. */
  unsubscribeUrl: string | null;
  recipient: { name: string | null; address: string };
}

export interface EmailTemplate<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  name: Name;
  /**
   * What the recipient can opt out of ("notifications.published", "digest"...). Unsubscribing from a category stops
   * the non-essential messages of that category; "all" stops every non-essential message.
   */
  category: string;
  /** Essential messages (verification, password reset, security notices) ignore opt-outs and carry no unsubscribe. */
  essential: boolean;
  /**
   * The message carries a credential (a sign-in, verification or reset link): once an SMTP server accepted it, its
   * body and parameters are wiped from the outbox, so the link does not lie around for anybody who reads the table.
   */
  secret?: boolean;
  params: Schema;
  subject(ctx: EmailContext, params: z.output<Schema>): string;
  /** The body; wrap it in <EmailLayout> (lib/email/layout.tsx) so every message has the same frame and footer. */
  Body(props: { ctx: EmailContext; params: z.output<Schema> }): ReactElement;
}

/** Keeps the literal name, so queueEmail knows each template's parameter type. */
export function defineEmailTemplate<const Name extends string, Schema extends z.ZodType>(
  template: EmailTemplate<Name, Schema>,
): EmailTemplate<Name, Schema> {
  return template;
}
